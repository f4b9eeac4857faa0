import { SETTINGS, type SettingName } from './settings';

const overrides = new Map<SettingName, boolean>();

export const SettingsStore = {
    getValue(name: SettingName): boolean {
        return overrides.get(name) ?? SETTINGS[name].default;
    },
    setValue(name: SettingName, value: boolean): void {
        overrides.set(name, value);
    },
};
