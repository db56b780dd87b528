import { bornDuring, clipParticipation, hasEnded, survivedProject } from './survival';

const project = { from: '2020-01-01', to: '2022-12-31' };

describe('one vocabulary: ties and their survival', () => {
  it('clips a participation to its target and organisation', () => {
    expect(clipParticipation({ from: null, to: null }, { from: '2020-06-01', to: '2020-08-31' }, { from: null, to: null })).toEqual({ from: '2020-06-01', to: '2020-08-31' });
    expect(clipParticipation({ from: '2021-01-01', to: null }, { from: '2020-06-01', to: '2020-08-31' }, { from: null, to: null })).toBeNull();
  });

  it('after the end means later than the end date', () => {
    expect(hasEnded(project, '2022-12-31')).toBe(false);
    expect(hasEnded(project, '2023-01-01')).toBe(true);
    expect(hasEnded({ from: '2020-01-01', to: null }, '2030-01-01')).toBe(false);
  });

  it('a tie survives when born during the project and active after its end', () => {
    expect(bornDuring('2020-01-01', project)).toBe(true);
    expect(bornDuring('2019-12-31', project)).toBe(false); // there before the project: not its doing
    expect(bornDuring(null, project)).toBe(false);
    expect(survivedProject('2021-05-01', true, project, '2023-06-30')).toBe(true);
    expect(survivedProject('2021-05-01', false, project, '2023-06-30')).toBe(false);
    expect(survivedProject('2021-05-01', true, project, '2022-06-30')).toBe(false);
  });
});
