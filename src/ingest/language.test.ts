import { describe, expect, it } from 'vitest'
import { looksEnglish } from './language.js'

// English news passes the cheap check; news in other Latin-script languages (and English
// mixed into German) does not, and neither does text too short to judge: fastText decides those.
const ROWS: [label: string, text: string, english: boolean][] = [
  [
    'en',
    'The defence ministry said on Tuesday that its forces had repelled an attack near the border town, and that three soldiers were wounded. Officials from the regional administration said the shelling damaged a school and two houses, but that no civilians were killed. The army has not said which units took part in the fighting, which began before dawn according to residents who spoke to reporters by phone.',
    true,
  ],
  [
    'en',
    'Protesters gathered outside the parliament for a third day on Sunday to demand the resignation of the prime minister, who has been accused of corruption. Police said they detained 14 people. The opposition leader told supporters that the movement would not stop until the government stepped down, and called for a general strike. The interior minister said the protests were organised from abroad, a claim the organisers denied.',
    true,
  ],
  [
    'fr',
    "Le gouvernement a annoncé mardi une série de mesures pour faire face à la crise. Selon le ministre de l'Intérieur, les forces de l'ordre ont été déployées dans plusieurs villes du pays après des manifestations qui ont rassemblé des milliers de personnes. Les syndicats ont appelé à une nouvelle journée de grève la semaine prochaine, tandis que l'opposition dénonce une réponse trop tardive. Le président doit s'exprimer à la télévision jeudi soir pour présenter un plan de sortie de crise, a indiqué son entourage.",
    false,
  ],
  [
    'de',
    'Die Regierung hat am Dienstag eine Reihe von Maßnahmen angekündigt, um die Krise zu bewältigen. Nach Angaben des Innenministers wurden Polizeikräfte in mehreren Städten des Landes eingesetzt, nachdem Tausende Menschen an Demonstrationen teilgenommen hatten. Die Gewerkschaften riefen für die kommende Woche zu einem weiteren Streiktag auf, während die Opposition die Reaktion als zu spät kritisierte. Der Präsident will am Donnerstagabend im Fernsehen einen Plan vorstellen, was seine Berater bestätigten.',
    false,
  ],
  [
    'es',
    'El gobierno anunció el martes una serie de medidas para hacer frente a la crisis. Según el ministro del Interior, las fuerzas de seguridad fueron desplegadas en varias ciudades del país después de que miles de personas participaran en las protestas. Los sindicatos convocaron una nueva jornada de huelga para la próxima semana, mientras la oposición denunció una respuesta demasiado tardía. El presidente hablará por televisión el jueves por la noche para presentar un plan, informó su equipo.',
    false,
  ],
  [
    'it',
    "Il governo ha annunciato martedì una serie di misure per affrontare la crisi. Secondo il ministro dell'Interno, le forze dell'ordine sono state schierate in diverse città del paese dopo che migliaia di persone hanno partecipato alle proteste. I sindacati hanno indetto un nuovo giorno di sciopero per la prossima settimana, mentre l'opposizione ha denunciato una risposta troppo tardiva. Il presidente parlerà in televisione giovedì sera per presentare un piano, ha detto il suo staff.",
    false,
  ],
  [
    'pt',
    'O governo anunciou na terça-feira uma série de medidas para enfrentar a crise. Segundo o ministro do Interior, as forças de segurança foram enviadas para várias cidades do país depois que milhares de pessoas participaram dos protestos. Os sindicatos convocaram um novo dia de greve para a próxima semana, enquanto a oposição denunciou uma resposta tardia. O presidente falará na televisão na quinta-feira à noite para apresentar um plano, informou a sua equipe.',
    false,
  ],
  [
    'nl',
    'De regering heeft dinsdag een reeks maatregelen aangekondigd om de crisis aan te pakken. Volgens de minister van Binnenlandse Zaken is de politie in verschillende steden van het land ingezet nadat duizenden mensen aan de protesten hadden deelgenomen. De vakbonden riepen op tot een nieuwe stakingsdag volgende week, terwijl de oppositie de reactie te laat noemde. De president zal donderdagavond op televisie een plan presenteren, zei zijn woordvoerder in een verklaring aan de pers.',
    false,
  ],
  [
    'id',
    'Pemerintah pada hari Selasa mengumumkan serangkaian langkah untuk menghadapi krisis. Menurut menteri dalam negeri, aparat keamanan telah dikerahkan di beberapa kota setelah ribuan orang ikut serta dalam aksi protes. Serikat buruh menyerukan hari mogok baru pada pekan depan, sementara pihak oposisi menyebut tanggapan pemerintah terlambat. Presiden akan berbicara di televisi pada Kamis malam untuk menyampaikan rencana, kata juru bicaranya kepada wartawan di ibu kota.',
    false,
  ],
  [
    'sw',
    'Serikali ilitangaza Jumanne mfululizo wa hatua za kukabiliana na mgogoro huo. Kwa mujibu wa waziri wa mambo ya ndani, vikosi vya usalama vimepelekwa katika miji kadhaa baada ya maelfu ya watu kushiriki maandamano. Vyama vya wafanyakazi vimeitisha siku nyingine ya mgomo wiki ijayo, huku upinzani ukisema hatua hizo zimechelewa. Rais atahutubia taifa kwa televisheni Alhamisi usiku kuwasilisha mpango, msemaji wake aliwaambia waandishi wa habari mjini.',
    false,
  ],
  [
    'ro',
    'Guvernul a anunțat marți o serie de măsuri pentru a face față crizei. Potrivit ministrului de Interne, forțele de ordine au fost trimise în mai multe orașe ale țării după ce mii de oameni au participat la proteste. Sindicatele au convocat o nouă zi de grevă săptămâna viitoare, în timp ce opoziția a denunțat un răspuns prea târziu. Președintele va vorbi la televiziune joi seara pentru a prezenta un plan, a declarat purtătorul său de cuvânt.',
    false,
  ],
  [
    'tl',
    'Inanunsyo ng pamahalaan noong Martes ang isang serye ng mga hakbang upang harapin ang krisis. Ayon sa kalihim ng interyor, ipinadala ang mga pulis sa ilang lungsod matapos lumahok ang libu-libong tao sa mga protesta. Nanawagan ang mga unyon ng panibagong araw ng welga sa susunod na linggo, habang sinabi ng oposisyon na huli na ang tugon. Magsasalita ang pangulo sa telebisyon sa Huwebes ng gabi upang ilahad ang plano, ayon sa kanyang tagapagsalita.',
    false,
  ],
  [
    'de-mixed',
    'Die Regierung hat am Dienstag erklärt, dass sie die Lage genau beobachtet. The Minister of the Interior said that the police were deployed. Nach Angaben des Innenministers wurden Polizeikräfte in mehreren Städten eingesetzt, nachdem Tausende Menschen an Demonstrationen teilgenommen hatten. Die Gewerkschaften riefen zu einem weiteren Streiktag auf, während die Opposition die Reaktion als zu spät kritisierte und der Präsident am Donnerstag sprechen will, was seine Berater bestätigten.',
    false,
  ],
  ['short', 'The army said.', false],
]

describe('looksEnglish', () => {
  it.each(ROWS)('%s', (_label, text, english) => {
    expect(looksEnglish(text)).toBe(english)
  })
})
