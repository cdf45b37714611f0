import type { ItemDraft } from '../features/code-of-conduct/index.js';

/**
 * The text of the demo councils' codes of conduct, written for Probity in our own words: it
 * follows the structure and the facts of the model code the Local Government Association
 * published in December 2020 (its obligations by section, its three appendices, the £50 and 28
 * days of its gifts rule) without reproducing its sentences.
 *
 * Numbering. Councils cite the model code's obligations by number ("a breach of 8.1"), so
 * sections 1 to 10 here are exactly the model's ten obligations, in its order, and section 8
 * is always "Complying with the code of conduct". Our numbering (see `numberItems`) counts
 * sections from the first item, and every paragraph must sit under a section or appendix, so
 * an introduction placed first would become section 1 and shift every obligation by one. The
 * introduction, definitions, general principles and application therefore form Appendix D,
 * after the model's own appendices A (the seven principles), B (registering interests) and C
 * (the Committee on Standards in Public Life), which keep their letters too.
 *
 * Each entry has a `key` naming the paragraph across versions: the loader turns each key into
 * one lineage, so a paragraph carried from one version to the next is recognised as the same
 * paragraph, moved or reworded.
 */
export interface CodeEntry extends Omit<ItemDraft, 'lineage'> {
  key: string;
}

type Origin = ItemDraft['origin'];

const section = (key: string, heading: string): CodeEntry => ({
  key,
  kind: 'section',
  depth: 0,
  heading,
  body: null,
  origin: 'model',
});
const appendix = (key: string, heading: string): CodeEntry => ({
  key,
  kind: 'appendix',
  depth: 0,
  heading,
  body: null,
  origin: 'model',
});
const para = (key: string, body: string, origin: Origin = 'model'): CodeEntry => ({
  key,
  kind: 'paragraph',
  depth: 1,
  heading: null,
  body,
  origin,
});
const sub = (key: string, body: string, origin: Origin = 'model'): CodeEntry => ({
  ...para(key, body, origin),
  depth: 2,
});

export interface CodeTextOptions {
  /** the council's name, as the introduction names it */
  council: string;
  /** the gifts and hospitality threshold in whole pounds (the model code: 50) */
  thresholdPounds: number;
  /** false: the model text alone, with the model's own gifts paragraph */
  localAdditions: boolean;
}

function giftsRegister(o: CodeTextOptions): CodeEntry {
  if (!o.localAdditions) {
    return para(
      'gifts.register',
      `Within 28 days of receiving it, I register with the Monitoring Officer any gift or hospitality worth £${o.thresholdPounds} or more, or that I estimate to be worth at least that much.`,
    );
  }
  return para(
    'gifts.register',
    `Within 28 days of receiving it, I register with the Monitoring Officer any gift or hospitality worth £${o.thresholdPounds} or more, or that I estimate to be worth at least that much. (The model code sets this figure at £50; the council keeps a lower one.)`,
    'local',
  );
}

/** The obligations, sections 1 to 10. Local additions are dropped when `localAdditions` is off. */
function obligations(o: CodeTextOptions): CodeEntry[] {
  return [
    section('respect', 'Respect'),
    para('respect.others', 'I treat my fellow councillors, and the members of the public I deal with as a councillor, with courtesy and respect.'),
    para('respect.staff', "I treat the council's employees, the people who work for organisations delivering services for the council, and volunteers with respect, and I value the part each of them plays."),
    para('respect.debate', 'Respect does not rule out firm political debate: I may criticise policies, decisions and arguments robustly, but I do not make that criticism personal or abusive. I can expect to be treated with respect in return, and I may end an exchange with anyone who becomes abusive or threatening towards me.'),
    para('respect.online', "When I use social media, blogs, messaging groups or other online channels in a way that people could link to my role, I keep to the same standards as I would face to face. I make clear whether I am giving my own view or the council's position, I do not criticise individual members of staff by name, and I take down anything I have posted that breaches this code as soon as I realise it does.", 'local'),

    section('bullying', 'Bullying, harassment and discrimination'),
    para('bullying.none', 'I do not bully anyone.'),
    para('bullying.meaning', 'In this code, bullying means behaviour that offends, intimidates or humiliates another person, or misuses power over them, whether or not that was the intention. It may be one serious incident or a pattern, and it may happen face to face, in writing, by telephone or online. Examples include:'),
    sub('bullying.meaning.a', 'shouting at someone, or belittling them in front of others;'),
    sub('bullying.meaning.b', "spreading malicious gossip, or making insulting remarks about someone's work or character;"),
    sub('bullying.meaning.c', 'deliberately leaving someone out, or criticising them persistently and without good reason, particularly someone less senior or less able to answer back.'),
    para('bullying.harassment', 'I do not harass anyone. Harassment is conduct, usually repeated, that causes a person alarm or distress or makes them fear violence; it includes unwanted behaviour connected with a protected characteristic that violates their dignity or creates a hostile or offensive environment for them.'),
    para('bullying.equality', 'I stand up for equality, and I never discriminate unlawfully against anyone. I have regard to the protected characteristics of the Equality Act 2010 (age, disability, gender reassignment, marriage and civil partnership, pregnancy and maternity, race, religion or belief, sex and sexual orientation), and I help the council meet its public sector equality duty.'),

    section('officers', 'Impartiality of officers'),
    para('officers.impartial', 'I do not press council staff, or anyone doing work for the council, to act in a way that would undermine their political neutrality, and I do not try to. Officers serve the whole council, whichever group holds power.'),
    para('officers.protocol', "I follow the council's Protocol on Member and Officer Relations. I raise any concern about an officer's work with their manager or director, not in public or on social media, and I give officers instructions only through the council's agreed decision-making arrangements.", 'local'),

    section('confidentiality', 'Confidentiality and access to information'),
    para('confidentiality.disclose', 'I do not pass on information that was given to me in confidence, or that I know or ought reasonably to realise is confidential, unless:'),
    sub('confidentiality.disclose.a', 'someone entitled to agree to its release has consented;'),
    sub('confidentiality.disclose.b', 'the law requires me to disclose it;'),
    sub('confidentiality.disclose.c', 'I give it to a third party in order to obtain professional legal advice, and that person agrees not to pass it on; or'),
    sub('confidentiality.disclose.d', "the disclosure is reasonable and in the public interest, I make it in good faith and in line with the council's reasonable requirements, and I have consulted the Monitoring Officer before making it."),
    para('confidentiality.misuse', 'Information that comes to me only because I am a councillor is not mine to exploit: I do not use it improperly to benefit myself, my family or friends, my employer or my business interests.'),
    para('confidentiality.access', 'Where someone has a legal right to information, I do not stand in the way of their getting it.'),

    section('disrepute', 'Disrepute'),
    para('disrepute.conduct', "I do not behave in a way that could reasonably be seen as bringing my role as a councillor, or the council, into disrepute. I accept that what I say and do as a councillor is open to public scrutiny, and I remain free to disagree openly with the council's decisions, provided I do so honestly and fairly."),

    section('position', 'Use of position'),
    para('position.improper', 'I never use my position as a councillor, or try to, to secure an improper advantage for myself or anyone else, or to put anyone at an improper disadvantage.'),

    section('resources', 'Use of council resources and facilities'),
    para('resources.misuse', "I do not misuse the council's resources, which include its money, land and buildings, equipment, IT systems, transport and the time of its staff."),
    para('resources.rules', "When I use the council's resources, or authorise others to use them, I:"),
    sub('resources.rules.a', "follow the council's rules for their use; and"),
    sub('resources.rules.b', 'make sure they are not used for party political purposes, unless that use could reasonably be seen as helping the council to carry out its functions, or helping me do the job I was elected or appointed to do.'),
    para('resources.campaigning', 'I do not use council email accounts, equipment, mailing lists or stationery for election campaigning, and I return any equipment the council has lent me within 14 days of leaving office.', 'local'),

    section('compliance', 'Complying with the code of conduct'),
    para('compliance.training', 'I take part in the code of conduct training that the council provides.'),
    para('compliance.induction', "I complete the council's induction programme for new members within three months of being elected, or of being co-opted to a committee.", 'local'),
    para('compliance.committee-training', 'I do not sit as a member of the Planning Committee, the Licensing Committee or a Standards Hearing Sub-Committee until I have completed the training the council requires for that committee, and I keep that training up to date.', 'local'),
    para('compliance.cooperate', 'I cooperate fully when a complaint under this code is investigated or decided, whether the complaint is about me or about someone else.'),
    para('compliance.intimidate', 'I do not threaten or pressure anyone who is, or may become, involved in an investigation or hearing under this code, whether as complainant, witness, investigator or decision-maker, and I do not try to.'),
    para('compliance.sanction', 'If I am found to have breached this code, I accept and carry out any sanction that is imposed.'),

    section('interests', 'Interests'),
    para('interests.register', 'I register and declare my interests in the way Appendix B sets out, and I tell the Monitoring Officer of any change to them within 28 days.'),

    section('gifts', 'Gifts and hospitality'),
    para('gifts.influence', 'I turn down any gift or hospitality, however small, that could bring me real personal gain or lead people reasonably to suspect that I might favour the giver, where it comes from someone with business before the council: a person or company wanting to buy or develop council land or property or to trade with the council, or a likely applicant for planning permission, a licence or another significant benefit.'),
    giftsRegister(o),
    para('gifts.refused', 'Significant offers count even when I say no: I tell the Monitoring Officer about any substantial gift or hospitality I decline, so that it goes on the register.'),
    para('gifts.bidders', 'I declare to the Monitoring Officer any hospitality offered to me by a person or company that is bidding, or is known to be about to bid, for a council contract, whatever its value and whether or not I accept it.', 'local'),
  ].filter((entry) => o.localAdditions || entry.origin === 'model'); // prettier-ignore
}

/** Appendix A: the seven principles, each described afresh. */
const PRINCIPLES: CodeEntry[] = [
  appendix('principles', 'The seven principles of public life'),
  para('principles.selflessness', 'Selflessness: those who hold public office make their decisions for the good of the public and for no other reason.'),
  para('principles.integrity', 'Integrity: they owe nothing to anyone who might try to sway their work improperly; they never act for the sake of money or other benefits for themselves, their family or their friends; and they are open about their interests and relationships and resolve any conflict.'),
  para('principles.objectivity', 'Objectivity: they weigh each decision on its merits and on the best evidence they can find, treating everyone even-handedly, without prejudice or favour.'),
  para('principles.accountability', 'Accountability: the public can hold them to account for their decisions and conduct, and they welcome the scrutiny that makes this possible.'),
  para('principles.openness', 'Openness: they work and decide in the open, and hold information back from the public only when the law allows it and there is a clear reason to.'),
  para('principles.honesty', 'Honesty: they tell the truth.'),
  para('principles.leadership', 'Leadership: they live by these principles themselves, champion them to others, and speak up against poor conduct whenever they meet it.'),
]; // prettier-ignore

/** Appendix B: registering interests, and what an interest means at a meeting. */
const REGISTERING: CodeEntry[] = [
  appendix('registering', 'Registering interests'),
  para('registering.when', "Within 28 days of becoming a member, or of being re-elected or re-appointed, I give the Monitoring Officer details of my disclosable pecuniary interests and my other registrable interests for the council's register. I do the same for any new interest, or any change to one, within 28 days of becoming aware of it."),
  para('registering.dpi', "Disclosable pecuniary interests are defined by regulations under the Localism Act 2011. They cover my own interests and those of my spouse or civil partner, or of someone I live with as if we were married or civil partners, in these categories: paid employment, office, trade, profession or vocation; sponsorship (help with my expenses as a councillor or my election expenses from anyone other than the council); current contracts with the council; land in the council's area; licences to occupy land in the area for a month or more; tenancies where the council is the landlord and the tenant is a body in which I have a beneficial interest; and securities of a body with a place of business or land in the area, above the value or share of the issued capital that the regulations set."),
  para('registering.other', 'Other registrable interests are: any unpaid directorship; any body to which the council has appointed or nominated me; and any body that exercises functions of a public nature, is directed to charitable purposes, or has among its main purposes influencing public opinion or policy (a political party or a trade union, for example), of which I am a member or which I help to manage or control.'),
  para('registering.sensitive', 'Where the Monitoring Officer agrees that publishing the details of one of my interests could expose me, or someone connected with me, to violence or intimidation, the register and any declaration I make say only that I have an interest, without its details.'),
  para('registering.dpi-meeting', 'If a matter to be dealt with at a meeting directly relates to one of my disclosable pecuniary interests, I declare that I have the interest, take no part in the discussion or the vote, and leave the room while the matter is dealt with, unless I have been granted a dispensation. If I would otherwise deal with the matter alone, I do not deal with it and I pass it on. Taking part without a dispensation can be a criminal offence.'),
  para('registering.other-meeting', 'If a matter directly relates to the finances or wellbeing of one of my other registrable interests, or affects my own finances or wellbeing, or those of a relative or close associate, more than it affects most people in the ward, and a reasonable member of the public who knew the facts would think it would affect my view of the public interest, I declare the interest. I may then speak on the matter only where members of the public may also speak, and I take no part in the vote and leave the room afterwards, unless I have a dispensation.'),
]; // prettier-ignore

/** Appendix C: the Committee on Standards in Public Life's best practice, summarised. */
const CSPL: CodeEntry[] = [
  appendix('cspl', 'The Committee on Standards in Public Life'),
  para('cspl.review', 'In January 2019 the Committee on Standards in Public Life published its review of ethical standards in local government. Besides recommendations for the government, it set out fifteen points of best practice for councils, against which the council checks its own arrangements.'),
  para('cspl.code', 'On the code itself: ban bullying and harassment, with a definition and examples; require members to cooperate with investigations and rule out trivial or malicious complaints; review the code every year, asking the public, community groups and neighbouring councils for their views; and publish the code prominently on the website and in council buildings.'),
  para('cspl.complaints', 'On complaints: publish a clear public interest test for deciding which complaints to take forward; have at least two Independent Persons and consult one before deciding to investigate or to dismiss a complaint; publish decisions made after formal investigations, with reasons; explain plainly how to complain and how long it takes; support parish councils with standards complaints; and plan for conflicts of interest in investigations.'),
  para('cspl.governance', 'On governance: update the register of gifts and hospitality at least every quarter and publish it in an open format; report on the bodies the council has set up or owns in its annual governance statement; and have senior officers meet group leaders or whips regularly to discuss standards.'),
]; // prettier-ignore

/** Appendix D: what the model code puts first (see the note on numbering above). */
function about(o: CodeTextOptions): CodeEntry[] {
  const additions = o.localAdditions
    ? ', with some further requirements of its own, which are printed in italics and marked as local additions'
    : '';
  return [
    appendix('about', 'Introduction, definitions and when this code applies'),
    para('about.purpose', `Every council must adopt a code of conduct for its members that is consistent with the seven principles in Appendix A and deals with registering and declaring interests. ${o.council} bases its code on the model code of conduct that the Local Government Association published in December 2020${additions}. The obligations are numbered as in the model code, so this introduction comes last.`),
    para('about.aim', "The code sets out the standards the public can expect of their councillors, helps councillors hold one another to those standards, and protects members and officers alike by making clear what is expected. A complaint that a member has broken it goes to the Monitoring Officer, who deals with it under the council's published arrangements and consults an Independent Person."),
    para('about.principles', "As a member I act with integrity and honesty and within the law; I treat people fairly and with respect; I make decisions on their merits and explain them; and I set an example that earns the public's confidence in the role of councillor."),
    para('about.member', `In this code, "member" means an elected councillor of ${o.council} and any co-opted member who has a vote on one of its committees or sub-committees, and "I" means the member. "Meeting" means any meeting of the council, its executive, its committees and sub-committees, and any joint committee.`),
    para('about.applies', 'The code applies whenever I act as a member or could reasonably be seen to be acting as one, from the day I sign my declaration of acceptance of office until I stop being a member. That includes what I say or post online, on social media and in messaging groups, and when I represent the council on another body. It does not cover my private life, except where I could reasonably be seen to be acting as a councillor.'),
  ]; // prettier-ignore
}

/** The code in force: the model code with the council's local additions (demo version 2). */
export function modelCodeText(o: CodeTextOptions): CodeEntry[] {
  return [...obligations(o), ...PRINCIPLES, ...REGISTERING, ...CSPL, ...about(o)];
}

/**
 * The wording of ten paragraphs in the council's earlier local code, before it took up the
 * model code. Keys are those of the paragraphs in `modelCodeText`.
 */
export const EARLIER_WORDING: Readonly<Record<string, { body: string; origin: Origin }>> = {
  'respect.staff': { body: 'I treat council officers with respect and courtesy.', origin: 'model' },
  // The earlier code's own addition; the model code made it part of every code.
  'bullying.none': { body: 'I do not bully or intimidate any person, whether another councillor, an officer or a member of the public.', origin: 'local' },
  'officers.impartial': { body: "I respect the political neutrality of the council's officers and do nothing that puts it at risk.", origin: 'model' },
  'confidentiality.disclose': { body: 'I do not disclose confidential information unless I have permission, the law requires it, or the disclosure is reasonable and in the public interest and I have first taken advice from the Monitoring Officer.', origin: 'model' },
  'resources.misuse': { body: "I use the council's resources only in line with its requirements, and never for party political purposes.", origin: 'model' },
  'resources.campaigning': { body: 'I do not use council equipment or stationery for election campaigning, and I return council equipment within one month of leaving office.', origin: 'local' },
  'interests.register': { body: "I register and declare my interests as the council's arrangements for members' interests require.", origin: 'model' },
  'gifts.register': { body: 'I register with the Monitoring Officer any gift or hospitality worth £10 or more within 28 days of receiving it.', origin: 'local' },
  'compliance.induction': { body: "I complete the council's induction programme for new members within six months of being elected.", origin: 'local' },
  'compliance.training': { body: 'I attend training on this code when the council arranges it.', origin: 'model' },
}; // prettier-ignore

/** Two paragraphs of the earlier local code that the model-based code dropped. */
export const EARLIER_ONLY: Readonly<Record<'meetings' | 'cash', CodeEntry>> = {
  meetings: para('earlier.meetings', 'At the start of each meeting I declare any interest I have in an item on the agenda, and say what kind of interest it is.'),
  cash: para('earlier.cash', 'I do not accept gifts of cash, or of anything that works like cash such as vouchers or gift cards, whatever the amount.', 'local'),
}; // prettier-ignore

/** A paragraph of the code in force, by key, reworded as it was in the earlier code if it was. */
function earlier(current: Map<string, CodeEntry>, key: string): CodeEntry {
  const entry = current.get(key);
  if (!entry) throw new Error(`The demo code has no paragraph "${key}"`);
  const wording = EARLIER_WORDING[key];
  return wording ? { ...entry, ...wording } : entry;
}

/**
 * Demo City Council's 2020 local code (demo version 1): shorter, grouped differently, with
 * ten paragraphs worded differently and two that the later code dropped.
 */
export function earlierLocalCodeText(o: CodeTextOptions): CodeEntry[] {
  const current = new Map(modelCodeText(o).map((entry) => [entry.key, entry]));
  const keep = (...keys: string[]) => keys.map((key) => earlier(current, key));
  return [
    section('respect', 'Respect and equality'),
    ...keep('respect.others', 'respect.staff', 'bullying.none', 'bullying.equality', 'respect.online'),
    section('officers', 'Members and officers'),
    ...keep('officers.impartial', 'officers.protocol'),
    section('confidentiality', 'Confidential information'),
    ...keep('confidentiality.disclose', 'confidentiality.access'),
    section('earlier.conduct', 'Conduct, position and resources'),
    ...keep('disrepute.conduct', 'position.improper', 'resources.misuse', 'resources.campaigning'),
    section('interests', 'Interests'),
    ...keep('interests.register'),
    EARLIER_ONLY.meetings,
    section('gifts', 'Gifts and hospitality'),
    ...keep('gifts.register', 'gifts.bidders'),
    EARLIER_ONLY.cash,
    section('compliance', 'Training'),
    ...keep('compliance.induction', 'compliance.committee-training', 'compliance.training'),
    ...PRINCIPLES,
  ]; // prettier-ignore
}

/**
 * The draft out for consultation after the 2026 review (demo version 3): the code in force
 * with a cumulative rule for gifts and a sharper social media paragraph.
 */
export function consultationDraftText(o: CodeTextOptions): CodeEntry[] {
  return modelCodeText(o).flatMap((entry) => {
    if (entry.key === 'respect.online') {
      return [{ ...entry, body: `${entry.body ?? ''} If the Monitoring Officer asks me to remove a post, I do so within two working days.` }]; // prettier-ignore
    }
    if (entry.key === 'gifts.refused') {
      return [
        entry,
        para('gifts.cumulative', `I also register gifts or hospitality from the same person or organisation that together are worth £${o.thresholdPounds} or more in any twelve months, even where each one is worth less.`, 'local'),
      ]; // prettier-ignore
    }
    return [entry];
  });
}
