import { flags } from './lib/flags';
import { createContext, createTracker, css, memo, styled } from './lib/styled-kit';

const Frame = styled.div`
  padding: 8px;
`;

const LegacyFrame = styled(Frame)`
  border: 1px solid red;
`;

const legacyTone = css`
  font-weight: bold;
`;

const LegacyTheme = createContext('legacy');

const LegacyTitle = memo((props: { title: string }) => `${props.title} (classic)`);

const legacyTracker = createTracker('legacy-banner');

export function banner(title: string): string {
  if (flags.isEnabled('new-checkout', false)) {
    return Frame(title);
  }
  return [LegacyFrame(LegacyTitle({ title })), legacyTone, LegacyTheme.current, legacyTracker.name].join('');
}
