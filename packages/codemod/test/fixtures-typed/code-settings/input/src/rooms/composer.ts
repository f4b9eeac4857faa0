import { SettingsStore } from '../settings/store';

export function composerActions(canSend: boolean): string[] {
    const actions = ['emoji', 'attach'];
    if (canSend && SettingsStore.getValue('feature_polls')) {
        actions.push('poll');
    }
    return actions;
}
