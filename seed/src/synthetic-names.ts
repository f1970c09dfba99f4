import type { RelationshipType } from '../../server/src/domain/relationship-types.ts';

/** Word lists for synthetic names, roles, measures and claims. */
const words = (text: string): readonly string[] => text.split(' ');
const phrases = (text: string): readonly string[] => text.split(', ');
// Real ISO 3166-1 alpha-2 codes of inhabited states and territories; the names are invented.
export const COUNTRY_CODES = words(
  'AD AE AF AG AI AL AM AO AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GT GU GW GY HK HN HR HT HU ID IE IL IM IN IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW',
);
export const COUNTRY_STARTS = words(
  'Arv Bel Cor Dal Esk Fen Gal Hald Ist Kel Lor Mar Nor Ost Pel Ros Sel Tav Val Zan',
);
export const COUNTRY_ENDS = words('oria onia avia istan mark land ania eria ovia ethia ora una');
export const REGION_ENDS = words('vale mark holm shire fell moor dale ford');
export const FIRST_NAMES = words(
  'Anna Jonas Maria Lukas Sofia Elias Nina Mateo Ida Felix Clara Omar Leila Pavel Irina Tomas Eva Karl Mei Ravi Sara Hugo Lena Ivan Alma Noah Zofia Emil Aino Dario',
);
export const SURNAMES = words(
  'Berg Novak Costa Lindqvist Moreau Kowalski Petrov Jansen Fischer Rossi Haddad Okafor Tanaka Silva Horvat Nielsen Dubois Weber Kaya Ivanova Meyer Santos Varga Laine Popescu Brennan Sato Amini Keller Marsh',
);
export const NAME_PARTS = words(
  'North South Blue Iron Silver Bright Clear Deep Red Stone Green High Swift Polar Summit Harbour',
);
export const NAME_ENDS = words(
  'wind gate field ridge bridge crest line point stone way works core',
);
export const SECTORS = words(
  'Security Systems Logistics Energy Networks Analytics Capital Telecom Software Shipping Holdings Consulting Defence',
);
export const LEGAL_FORMS = words('Ltd GmbH SA AG BV Inc plc AB Oy SpA');
export const AGENCY_FORMS = words('Agency Office Directorate Authority Bureau Service Commission');
export const AGENCY_TOPICS = phrases(
  'Cyber Defence, Competition, Data Protection, Financial Supervision, Telecommunications, Public Procurement, Customs, Export Control, Consumer Protection, Criminal Investigation',
);
export const MINISTRIES = phrases(
  'Defence, Foreign Affairs, the Interior, Finance, Economy, Justice, Digital Affairs',
);
export const INSTITUTIONS = phrases(
  'Supreme Court, Constitutional Court, National Assembly, Senate, Court of Auditors, Council of State, Parliament',
);
export const IO_ADJECTIVES = words(
  'International Northern Atlantic Continental Global Eastern Southern Baltic Pacific Alpine',
);
export const IO_TOPICS = words(
  'Maritime Trade Security Cyber Energy Health Standards Customs Development Telecommunications',
);
export const IO_BODIES = words('Organisation Union Council Agency Forum Alliance Commission');
export const PARTNERSHIP_ADJECTIVES = words('Open Safe Joint Secure Clean Shared Common');
export const PARTNERSHIP_TOPICS = phrases(
  'Internet, Supply Chain, Payments, Skies, Waters, Data, Infrastructure, Elections',
);
export const PARTNERSHIP_FORMS = words('Initiative Alliance Coalition Partnership Compact');
export const CAUSES = phrases(
  'Digital Rights, Security Studies, Open Markets, Press Freedom, Public Policy, Civil Liberties',
);
export const TRADES = words('Banking Software Shipping Telecom Insurance Press');
export const PARTIES = words('Liberal Green Labour Conservative Pirate Civic');
export const PAPERS = words('Herald Times Post Observer Gazette Chronicle Courier Tribune');
export const OUTLETS = words('Signal Beacon Prism Compass Lantern Meridian Vector Ledger');
export const OUTLET_FORMS = words('News Wire Report Daily');
export const REPORT_TOPICS = phrases(
  'Cross-border cooperation, Ownership structures, Sanctions and restrictions, Procurement decisions, Membership changes, Corporate filings',
);
export const ROLES: Partial<Record<RelationshipType, readonly string[]>> = {
  WORKS_FOR: phrases(
    'analyst, engineer, director, adviser, spokesperson, researcher, legal counsel, board member',
  ),
  LEADS: phrases('chair, chief executive, director general, president, head'),
  MEMBER_OF: phrases('observer, founding member, associate member'),
};
export const MEASURES = phrases(
  'procurement ban, import ban, sanctions listing, security warning, licence suspension',
);
export const CLAIMS = phrases(
  'espionage, fraud, data theft, sanctions evasion, disinformation, bribery',
);
