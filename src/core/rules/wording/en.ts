import type { RuleWordingTable } from './types';

// The rules in English. Alerts are worded as prompts to talk with the client, never as diagnoses
// (instruments.md Part A); every figure is a `{placeholder}` filled from the scoring configuration.

export const ruleWordingEn: RuleWordingTable = {
  decimal: '.',
  subscales: { task: 'Task', bond: 'Bond', goal: 'Goal' },
  rules: {
    'outcome-deterioration': {
      title: 'Scores have dropped since intake',
      meaning:
        'The latest outcome score is at least the reliable change ({reliableChange} points) below the intake score of the episode.',
      next: 'Ask the client how things are going and what has changed; consider changing the approach or consulting a colleague.',
      summary: '{instrument}: reliably worse than at intake ({intake} → {latest}) — check in with the client',
    },
    'outcome-not-on-track-early': {
      title: 'Not on track yet',
      meaning:
        'The client started in the clinical range and, at outcome response {earlyFrom} to {earlyTo} of the episode, scores below the band of the expected course for their intake.',
      next: 'Talk with the client about what is helping and what is not, and review the goals together.',
      summary: '{instrument}: not on track at session {session} — discuss progress with the client',
    },
    'outcome-not-on-track-persistent': {
      title: 'Still not on track',
      meaning:
        'The client started in the clinical range and, at outcome response {persistentFrom} or later of the episode, still scores below the band of the expected course for their intake.',
      next: 'Review the goals with the client; consider changing the approach, adding support or consulting a colleague.',
      summary: '{instrument}: still not on track at session {session} — review goals and approach with the client',
    },
    'outcome-sharp-drop': {
      title: 'Sharp drop since the last session',
      meaning:
        'The latest outcome score is at least the reliable change ({reliableChange} points) below the previous one.',
      next: 'Ask the client what has happened since the last session.',
      summary: '{instrument}: sharp drop since the last session — ask the client what happened',
    },
    'outcome-recovered': {
      title: 'Reliable improvement into the non-clinical range',
      meaning:
        'The client started in the clinical range, has gained at least the reliable change ({reliableChange} points) and now scores at or above the clinical cutoff.',
      next: 'Talk with the client about keeping the gains and about planning the ending of therapy.',
      summary: '{instrument}: reliably improved and now above the clinical cutoff ({latest})',
    },
    'alliance-concern': {
      title: 'Session rated below the alliance cutoff',
      meaning:
        'The latest session rating total is below the alliance cutoff ({allianceCutoff}): the client may not feel fully heard, or the way of working may not fit.',
      next: 'Invite the client to say what could make the sessions more useful, and thank them for saying so.',
      summary:
        '{instrument}: last session rated {latest}, below {allianceCutoff} — ask the client what could be better',
    },
    'alliance-rupture-risk': {
      title: 'Possible strain in the working relationship',
      meaning:
        'The session rating dropped by {ruptureDrop} points or more, or fell from the alliance cutoff ({allianceCutoff}) or above to below it; or it was below the cutoff in two sessions in a row; or it is below the cutoff while an outcome alert is active.',
      next: 'Talk openly with the client about the relationship and the way of working; consider consulting a colleague.',
      summary: '{instrument}: possible strain in the working relationship — talk it through with the client',
    },
    'alliance-dip': {
      title: 'Session rated lower than last time',
      meaning: 'The latest session rating total is {dip} or more points below the previous one.',
      next: 'Check in with the client about what felt different in this session.',
      summary: '{instrument}: session rated lower than last time — check in with the client',
    },
    'alliance-item-concern': {
      title: 'One aspect of the session rated lower',
      meaning: 'At least one item of the latest session rating is below {itemConcern} points.',
      next: 'Ask the client about that aspect: the relationship, the goals, the approach or the session overall.',
      summary: '{instrument}: one aspect of the session rated below {itemConcern} — ask the client about it',
    },
    'alliance-wai-drop': {
      title: 'Working alliance inventory dropped reliably',
      meaning:
        'A WAI-SR subscale mean fell by at least its reliable change ({waiReliableDrop}) since the previous inventory.',
      next: 'Review the agreed goals and tasks and the bond with the client.',
      summary:
        '{instrument}: alliance ratings dropped since the last inventory — review goals, tasks and bond together',
    },
    'alliance-wai-dip': {
      title: 'Working alliance inventory dipped',
      meaning:
        'A WAI-SR subscale mean fell by {waiDip} or more since the previous inventory, but less than its reliable change.',
      next: 'Keep the goals, tasks and bond in mind at the next sessions.',
      summary: '{instrument}: alliance ratings dipped since the last inventory — keep an eye on goals, tasks and bond',
    },
    'alliance-rupture-unresolved': {
      title: 'A rupture in the working relationship has not been repaired',
      meaning:
        "A session rating (or a WAI-SR subscale) fell reliably below the client's own level, or below the alliance cutoff after good ratings, and did not come back within {repairWindow} ratings.",
      next: 'Metacommunicate: name the change you noticed, invite the client to say what happened between you, and acknowledge your part.',
      summary:
        "{instrument}: the alliance has not come back to the client's own level — talk about what happened between you",
    },
  },
};
