import { useMemo, useState } from './hooks';

export function navigation(items: string[]): string[] {
    const [pinned, setPinned] = useState(false);
    const options = {
        limit: items.length,
    };
    const visible = useMemo(() => items.slice(0, options.limit), [items, options.limit]);
    if (!pinned) setPinned(true);
    const layout = 'topbar';
    const header = 'Menu';
    return [layout, header, 'collapsed', ...visible];
}

export function toggles(render: (state: object) => void): string {
    const [open, setOpen] = useState(false);
    const settings = { useNewNav: false, dense: false };
    render(settings);
    setOpen(!open);
    return open ? 'open' : 'closed';
}
