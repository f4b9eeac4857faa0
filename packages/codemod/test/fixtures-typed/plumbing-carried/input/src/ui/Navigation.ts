import { useMemo, useState, useUiFlag } from './hooks';

export function navigation(items: string[]): string[] {
    const [showSidebar] = useState(useUiFlag('newNav'));
    const [expanded, setExpanded] = useState(useUiFlag('newNav'));
    const [pinned, setPinned] = useState(false);
    const options = {
        useNewNav: useUiFlag('newNav'),
        limit: items.length,
    };
    const visible = useMemo(() => items.slice(0, options.limit), [items, options.limit, showSidebar]);
    if (!pinned) setPinned(true);
    const layout = showSidebar ? 'sidebar' : 'topbar';
    const header = options.useNewNav ? 'Navigation' : 'Menu';
    return [layout, header, expanded ? 'expanded' : 'collapsed', ...visible];
}

export function toggles(render: (state: object) => void): string {
    const [open, setOpen] = useState(useUiFlag('newNav'));
    const settings = { useNewNav: useUiFlag('newNav'), dense: false };
    render(settings);
    setOpen(!open);
    return open ? 'open' : 'closed';
}
