import { features } from './features';

export function headerClass(): string {
    const base = features.isOn('dark-mode') ? 'header dark' : 'header';
    return `${base} header--nav`;
}
