export function composerActions(canSend: boolean): string[] {
    const actions = ['emoji', 'attach'];
    return actions;
}
