// Dutch words that people of every language drop into their messages
// ("zorgtoeslag", "huisarts", "gemeente", "DigiD"). They say nothing about the
// language someone writes in, so language identification removes them first.
// The content's keywords are added to this list when the router index is built.
import { allMarkerWords } from './languageMarkers.js';
import { normalizeText } from './normalizeText.js';

const builtInTerms = `
  toeslag toeslagen zorgtoeslag huurtoeslag kinderopvangtoeslag kinderbijslag kindgebonden budget
  belastingdienst belastingtelefoon svb duo ind uwv bsn digid mijnoverheid mijn toeslagen
  huisarts huisartsenpost doktersassistente tandarts apotheek ziekenhuis zorgverzekering zorgverzekeraar
  basisverzekering aanvullende eigen risico gemeentepolis ggz poh
  gemeente gemeentehuis werkplein wijkteam sociaal raadslid regievoerder pip inburgering inburgeringsexamen
  taalschool taalcursus taalhuis klantmanager consulent bijstand uitkering participatiewet bijzondere
  schuldhulp schuldhulpverlening schuldsanering betalingsregeling aanmaning incasso deurwaarder beschikking
  vluchtelingenwerk coa spreekuur juridisch loket advocaat nareis gezinshereniging mvv verblijfsvergunning
  voedselbank leergeld stichting jeugdfonds kinderopvang bso peuterspeelzaal basisschool
  afval gft pmd grofvuil milieustraat kliko container restafval oud papier vuilnis ophaaldag afvalkalender
  woningcorporatie woningbouw huurcontract verhuurder energie energiecontract eneco vattenfall essent
  meterstand jaarafrekening voorschot brief envelop boete cjib
  veilig thuis politie brandweer ambulance
`;

/** The built-in Dutch domain terms, normalised. */
export const defaultDomainTerms: ReadonlySet<string> = buildDomainTerms([]);

/**
 * Builds the set of words to ignore when identifying a language: the built-in
 * terms plus the words of the given keywords (usually the content's Dutch
 * keywords). Function words of any language are never included, so a keyword
 * like "hoe vraag ik zorgtoeslag aan" cannot hide that a message is Dutch.
 */
export function buildDomainTerms(keywords: Iterable<string>): Set<string> {
  const terms = new Set<string>();
  const add = (phrase: string): void => {
    for (const word of normalizeText(phrase).split(' ')) {
      if (word.length >= 3 && !allMarkerWords.has(word)) terms.add(word);
    }
  };
  add(builtInTerms);
  for (const keyword of keywords) add(keyword);
  return terms;
}
