import { createTracker, styled } from './lib/styled-kit';

const Frame = styled.div`
  padding: 8px;
`;

const legacyTracker = createTracker('legacy-banner');

export function banner(title: string): string {
  return Frame(title);
}
