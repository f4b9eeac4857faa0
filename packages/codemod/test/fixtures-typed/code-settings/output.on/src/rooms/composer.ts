export function composerActions(canSend: boolean): string[] {
    const actions = ['emoji', 'attach'];
    if (canSend) {
        actions.push('poll');
    }
    return actions;
}
