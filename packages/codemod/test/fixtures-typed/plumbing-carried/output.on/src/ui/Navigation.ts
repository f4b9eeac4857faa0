import { useMemo, useState } from './hooks';

export function navigation(items: string[]): string[] {
    const [pinned, setPinned] = useState(false);
    const options = {
        limit: items.length,
    };
    const visible = useMemo(() => items.slice(0, options.limit), [items, options.limit]);
    if (!pinned) setPinned(true);
    const layout = 'sidebar';
    const header = 'Navigation';
    return [layout, header, 'expanded', ...visible];
}

export function toggles(render: (state: object) => void): string {
    const [open, setOpen] = useState(true);
    const settings = { useNewNav: true, dense: false };
    render(settings);
    setOpen(!open);
    return open ? 'open' : 'closed';
}
