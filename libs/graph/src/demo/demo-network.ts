/**
 * The demo data: the participation networks, projects and joint activities described in the seed
 * documents (../shared/seeds). Organisations only: no person names, phone numbers or e-mail
 * addresses. Facts come from the seeds; an organisation's kind and home municipality are public
 * common knowledge. Where a seed gives no exact date, the choice made is noted beside it.
 *
 * Sources, by seed file:
 *   000/001  KUPO (S21858) and its predecessor S20915
 *   002      the Innokylä operating model, LUONNOLLISESTI, TAIDA!, Parasta Etelä-Savoon, Kuusamo
 *            and Pieksämäki examples, Tenho
 *   003      Osallisuuden askeleet työllistymispoluille (Vaasa)
 *   004      Osana (S20634, Kokkola)
 */
import type { IsoDate, ParticipationRole, SeedDataset, SeedOrganisation, SeedParticipation } from '@verkosto/domain';
// The reference module is not yet re-exported from '@verkosto/domain' (see the report).
import { METHODS, TARGET_GROUPS } from '../../../domain/src/reference/finland';

const PROGRAMME = 'Kestävää kasvua ja työtä 2014–2020';
const TL5 = '5 Sosiaalinen osallisuus ja köyhyyden torjunta';

// ---------------------------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------------------------

const organisations: SeedOrganisation[] = [
  // Funders (ELY centres and a ministry)
  { id: 'org-pohjois-pohjanmaan-ely-keskus', name: 'Pohjois-Pohjanmaan ELY-keskus', kind: 'AUTHORITY', municipalityCode: '564' },
  { id: 'org-keski-suomen-ely-keskus', name: 'Keski-Suomen ELY-keskus', kind: 'AUTHORITY', municipalityCode: '179' },
  // Funder of Parasta Etelä-Savoon: named on the project page of Essote, one of its implementers.
  { id: 'org-etela-savon-ely-keskus', name: 'Etelä-Savon ELY-keskus', kind: 'AUTHORITY', municipalityCode: '491' },
  // Funding authority of Tenho in the national structural-fund project list (shared/data).
  { id: 'org-sosiaali-ja-terveysministerio', name: 'Sosiaali- ja terveysministeriö', kind: 'AUTHORITY', municipalityCode: '091' },

  // KUPO (seed 001) and LUONNOLLISESTI (seed 002)
  { id: 'org-lapin-ammattikorkeakoulu', name: 'Lapin ammattikorkeakoulu Oy', kind: 'EDUCATION', municipalityCode: '698', website: 'https://www.lapinamk.fi' },

  // Kuusamo (seed 002)
  { id: 'org-ksak', name: 'KSAK Oy', kind: 'EDUCATION', municipalityCode: '305' },
  { id: 'org-ksakki', name: 'Ksakki ry', kind: 'ASSOCIATION', municipalityCode: '305' },
  { id: 'org-kuusamo-opisto', name: 'Kuusamo-opisto', kind: 'EDUCATION', municipalityCode: '305' },
  { id: 'org-kuusamon-kaupunki', name: 'Kuusamon kaupunki', kind: 'MUNICIPALITY', municipalityCode: '305', website: 'https://www.kuusamo.fi' },
  { id: 'org-kuusamon-kaupungin-kirjasto', name: 'Kuusamon kaupungin kirjasto', kind: 'MUNICIPALITY', municipalityCode: '305' },
  // Whether the two day-care centres and the youth workshop are municipal, private or run by an
  // association is not stated in the seed, so they are kind OTHER.
  { id: 'org-paivakoti-ullakaisa', name: 'Päiväkoti Ullakaisa', kind: 'OTHER', municipalityCode: '305' },
  { id: 'org-luontopaivakoti-otso', name: 'Luontopäiväkoti Otso', kind: 'OTHER', municipalityCode: '305' },
  { id: 'org-kuusamon-4h-yhdistys', name: 'Kuusamon 4H-yhdistys ry', kind: 'ASSOCIATION', municipalityCode: '305' },
  { id: 'org-kuusamon-nuorten-tyopaja', name: 'Nuorten työpaja (Kuusamo)', kind: 'OTHER', municipalityCode: '305' },
  // A social-rehabilitation client group run within the LUONNOLLISESTI project: not a permanent actor.
  { id: 'org-voimavaroja-luonnosta-ryhma', name: 'Voimavaroja Luonnosta -ryhmä', kind: 'OTHER', municipalityCode: '305', permanent: false },
  { id: 'org-kalajoen-kaupunki', name: 'Kalajoen kaupunki', kind: 'MUNICIPALITY', municipalityCode: '208' },

  // Parasta Etelä-Savoon and Pieksämäki (seed 002)
  { id: 'org-xamk', name: 'Kaakkois-Suomen ammattikorkeakoulu Oy', kind: 'EDUCATION', website: 'https://www.xamk.fi' },
  { id: 'org-diak', name: 'Diakonia-ammattikorkeakoulu Oy', kind: 'EDUCATION', municipalityCode: '091', website: 'https://www.diak.fi' },
  // A joint municipal authority for social and health services (2017–2022), since 2023 part of the
  // wellbeing services county of Etelä-Savo: WELLBEING_COUNTY is the closest kind.
  { id: 'org-essote', name: 'Etelä-Savon sosiaali- ja terveyspalvelujen kuntayhtymä (Essote)', kind: 'WELLBEING_COUNTY', municipalityCode: '491' },
  { id: 'org-savonlinnan-seudun-kolomonen', name: 'Savonlinnan Seudun Kolomonen ry', kind: 'ASSOCIATION', municipalityCode: '740' },
  { id: 'org-pieksamaen-kulttuuritoimi', name: 'Pieksämäen kaupungin kulttuuritoimi', kind: 'MUNICIPALITY', municipalityCode: '593' },
  { id: 'org-seutuopisto', name: 'Seutuopisto (Pieksämäki)', kind: 'EDUCATION', municipalityCode: '593' },
  { id: 'org-kulttuurikeskus-poleeni', name: 'Kulttuurikeskus Poleeni', kind: 'MUNICIPALITY', municipalityCode: '593' },

  // Tenho (seed 002; lead implementer from the national project list in shared/data)
  { id: 'org-suomen-lasten-ja-nuorten-saatio', name: 'Suomen Lasten ja Nuorten Säätiö', kind: 'FOUNDATION', municipalityCode: '091' },

  // Osallisuuden askeleet työllistymispoluille (seed 003)
  { id: 'org-vaasan-kaupunki', name: 'Vaasan kaupunki', kind: 'MUNICIPALITY', municipalityCode: '905', website: 'https://www.vaasa.fi' },
  { id: 'org-vaasan-seudun-yhdistykset', name: 'Vaasan Seudun Yhdistykset ry', kind: 'ASSOCIATION', municipalityCode: '905' },
  { id: 'org-vaasan-setlementtiyhdistys', name: 'Vaasan Setlementtiyhdistys ry', kind: 'ASSOCIATION', municipalityCode: '905' },
  { id: 'org-vaasanseudun-mielenterveysseura', name: 'Vaasanseudun Mielenterveysseura ry', kind: 'ASSOCIATION', municipalityCode: '905' },
  { id: 'org-vaasan-suomalainen-seurakunta', name: 'Vaasan suomalainen seurakunta', kind: 'PARISH', municipalityCode: '905' },
  // Vähäkyrö has been part of Vaasa since 2013; the parish works there.
  { id: 'org-vahankyron-seurakunta', name: 'Vähänkyrön seurakunta', kind: 'PARISH', municipalityCode: '905' },

  // Osana (seed 004)
  {
    id: 'org-keski-pohjanmaan-koulutuskuntayhtyma',
    name: 'Keski-Pohjanmaan koulutuskuntayhtymä',
    kind: 'EDUCATION',
    businessId: '0208916-8',
    municipalityCode: '272',
    website: 'http://www.kpedu.fi',
  },
  { id: 'org-kokkolan-kaupunki', name: 'Kokkolan kaupunki', kind: 'MUNICIPALITY', businessId: '0179377-8', municipalityCode: '272' },
  { id: 'org-spr-kokkolan-suomalainen-osasto', name: 'Suomen Punainen Risti, Kokkolan suomalainen osasto', kind: 'ASSOCIATION', municipalityCode: '272' },
  { id: 'org-keski-ja-etela-pohjanmaan-martat', name: 'Keski- ja Etelä-Pohjanmaan Martat ry', kind: 'ASSOCIATION' },
  { id: 'org-kokkolan-seurakuntayhtyma', name: 'Kokkolan seurakuntayhtymä', kind: 'PARISH', municipalityCode: '272' },
];

// ---------------------------------------------------------------------------------------------
// Networks
// ---------------------------------------------------------------------------------------------

const networks: SeedDataset['networks'] = [
  {
    id: 'net-kuusamo',
    name: 'Kuusamon osallisuusverkosto',
    goal:
      'Eri-ikäisten ja -taustaisten kuusamolaisten osallisuuden vahvistaminen taide-, kulttuuri- ja luontolähtöisin ' +
      'toiminnoin; luonto- ja taidelähtöisten menetelmien näkyvyys ja käyttö hyvinvointia edistävissä palveluissa.',
    regionCode: '17',
    visibility: 'PUBLIC',
  },
  {
    id: 'net-pieksamaki',
    name: 'Pieksämäen taide-, kulttuuri- ja luontolähtöinen osallisuusverkosto',
    goal:
      'Verkosto perustettiin luontovalokuvanäyttelyn järjestämisen myötä; tavoitteena juurruttaa toimintamalli ' +
      'hallinnonalojen ja yksiköiden toimintasuunnitelmiin ja hyvinvoinnin ja terveyden edistämisen suunnitelmaan.',
    regionCode: '10',
    visibility: 'PUBLIC',
  },
  {
    id: 'net-vaasa-osallisuuden-askeleet',
    name: 'Osallisuuden askeleet -kumppanuusverkosto (Vaasa)',
    goal:
      'Monialainen yhteistyöverkosto työ- ja toimintakykyä edistävän palveluohjauksen rakenteena Ristinummella, ' +
      'Vähässäkyrössä ja Vaasan keskustassa; kaupungin, yhdistysten ja seurakuntien toiminnan yhteensovittaminen.',
    regionCode: '15',
    visibility: 'PUBLIC',
  },
  {
    id: 'net-kokkola-maahanmuuttajatyo',
    name: 'Kokkolan maahanmuuttajatyön verkosto',
    goal: 'Säännöllinen verkostoyhteistyö maahanmuuttajien osallisuuden ja kokonaisvaltaisen kotoutumisen tukemiseksi.',
    regionCode: '16',
    visibility: 'PUBLIC',
  },
];

// ---------------------------------------------------------------------------------------------
// Projects
// ---------------------------------------------------------------------------------------------

const projects: SeedDataset['projects'] = [
  {
    id: 'prj-s20915',
    code: 'S20915',
    name: 'Pohjoinen luonto maahanmuuttajien kotoutumisessa',
    fund: 'ESR',
    // The seeds give neither dates nor implementers for the predecessor.
    startDate: null,
    endDate: null,
    description: 'Edeltävä hanke, jonka malleja ja tuloksia KUPO-hanke hyödynsi ja juurrutti.',
    methodIds: ['nature-based'],
    targetGroupIds: ['immigrants'],
  },
  {
    id: 'prj-s21858',
    code: 'S21858',
    name: 'Kulttuurit yhteisellä polulla – luonto ja osallisuus hyvinvoinnin vahvistajina (KUPO-hanke)',
    programme: PROGRAMME,
    fund: 'ESR',
    startDate: '2020-01-01',
    endDate: '2022-12-31',
    // "Toteutunut julkinen rahoitus" in seed 001.
    publicFunding: 854220,
    predecessorId: 'prj-s20915',
    description:
      'Vahvistaa eri kulttuuritaustaisten ja syrjäytymisvaarassa olevien sosiaalista pääomaa ja osallisuutta ' +
      'luontolähtöisin menetelmin; juurruttaa edeltävän hankkeen mallit osatoteuttajien ja alueen palvelurakenteisiin. ' +
      'Toimintatapa: KUPO-valmennus ammattilaisille, monikulttuurinen yhteisöllinen toiminta (luontotyöpajat, ' +
      'yhteisötaideproduktio), viherryhmät ja ohjaajakoulutukset, yhteiskehittäminen, arviointi. ' +
      'Levittäminen ja juurrutus: toiminnot ovat juurtuneet osatoteuttajien organisaatioihin.',
    outputs:
      'Julkaisut (Lapin AMK 2022; Terra 2021; Lumot-käsikirja); video "Kulttuurit yhteisellä polulla" (15.12.2022); ' +
      '12 koulutettua viherryhmäohjaajaa; siirtymiä oppisopimus-, koulutus- ja työllisyyspoluille.',
    methodIds: ['nature-based', 'green-care', 'multicultural-peer-group', 'co-development', 'community-art'],
    targetGroupIds: ['immigrants', 'people-in-rehabilitation', 'professionals'],
  },
  {
    id: 'prj-luonnollisesti',
    code: null,
    name: 'LUONNOLLISESTI – valmennusmalli tuo Green Care -menetelmät osaksi sosiaalista kuntoutusta',
    fund: 'ESR',
    // Seed 002 gives the years only ("ESR 2019–2021"): first and last day of those years.
    startDate: '2019-01-01',
    endDate: '2021-12-31',
    description:
      'Tuo Rovaniemen ja Kuusamon sosiaalisen kuntoutuksen palveluiden rinnalle luontolähtöisiä kuntoutuspalveluita ' +
      'ja menetelmiä (Green Care). Käynnisti Kuusamon kesäkeitaan ja koordinoi sitä; kehitti TAIDA!-hankkeen kanssa ' +
      'Luonto ja luovuus sotessa -pyöreän pöydän.',
    networkIds: ['net-kuusamo'],
    methodIds: ['green-care', 'nature-based', 'social-rehabilitation'],
    targetGroupIds: ['long-term-unemployed', 'people-in-rehabilitation', 'families-with-children', 'social-rehabilitation-clients'],
  },
  {
    id: 'prj-taida',
    code: null,
    name: 'TAIDA! – Luovat menetelmät maahanmuuttajien ja nuorten elämänpolulla',
    fund: 'ESR',
    // Seed 002 gives the years only ("ESR 2020–2022").
    startDate: '2020-01-01',
    endDate: '2022-12-31',
    description:
      'Yhdistää sosiaalisen kuntoutuksen ja taidelähtöisten menetelmien lähtökohdat ja tuo taidelähtöisiä menetelmiä ' + 'sosiaalisen kuntoutuksen palveluiden rinnalle.',
    networkIds: ['net-kuusamo'],
    methodIds: ['arts-based', 'creative-methods', 'social-rehabilitation'],
    targetGroupIds: ['immigrants', 'young-people'],
  },
  {
    id: 'prj-parasta-etela-savoon',
    code: null,
    name: 'Parasta Etelä-Savoon – taide-, kulttuuri- ja luonto-osaamista sote- ja nuorisoalojen toimijoille',
    fund: 'ESR',
    // Seed 002 gives the years only ("ESR 2019–2021").
    startDate: '2019-01-01',
    endDate: '2021-12-31',
    description:
      'Lisää eri alojen ammattilaisten ja opiskelijoiden osaamista hyvinvointia edistävien taide-, kulttuuri- ja ' +
      'luontolähtöisten menetelmien käytössä sosiaali- ja terveyspalveluissa sekä kasvatus- ja nuorisopalveluissa.',
    networkIds: ['net-pieksamaki'],
    methodIds: ['arts-based', 'culture-based', 'nature-based', 'green-care'],
    targetGroupIds: ['professionals', 'young-people'],
  },
  {
    // Seed 002 names Tenho and what it did; code, name, dates and lead implementer are from the
    // national structural-fund project list (shared/data, a snapshot from about 2017: planned dates).
    id: 'prj-s20430',
    code: 'S20430',
    name: 'Tenho – elämäntaitoja nuorille taiteen keinoin',
    programme: PROGRAMME,
    fund: 'ESR',
    priorityAxis: TL5,
    startDate: '2015-06-01',
    endDate: '2018-05-31',
    description:
      'Toi luovia menetelmiä osaksi nuorten palvelukokonaisuutta: NEET-nuorten ohjaus- ja palveluverkostoon liitettiin ' +
      'elokuvan, sirkuksen ja teatterin työpajoja. Hanke ei toiminut varsinaisena verkostona.',
    methodIds: ['creative-methods', 'arts-based', 'workshop-activity'],
    targetGroupIds: ['neet-young-people', 'young-people'],
  },
  {
    id: 'prj-osallisuuden-askeleet',
    // No S-code in seed 003; its EURA id is 2014/4543/09 02 01 01/2016/KESELY.
    code: null,
    name: 'Osallisuuden askeleet työllistymispoluille',
    programme: PROGRAMME,
    fund: 'ESR',
    priorityAxis: '5 (ESR): Työelämän ulkopuolella olevien työ- ja toimintakyvyn parantaminen',
    startDate: '2017-05-01',
    endDate: '2020-04-30',
    // Seed 003 gives only a budget band (500 000–1 000 000 €), so no amount is recorded.
    budget: null,
    description:
      'Syrjäytymisvaarassa olevien työttömien työ- ja toimintakyvyn parantaminen matalan kynnyksen osallistavin ' +
      'toiminnoin Ristinummella, Vähässäkyrössä ja Vaasan keskustassa. Viisi askelta: etsivä ja jalkautuva työ; ' +
      'arjenhallinta; tavoitteellinen polutus; palveluohjaus; monialainen yhteistyöverkosto. EURA-tunnus ' +
      '2014/4543/09 02 01 01/2016/KESELY; budjetti 500 000–1 000 000 euroa.',
    networkIds: ['net-vaasa-osallisuuden-askeleet'],
    methodIds: ['outreach-work', 'peer-support', 'low-threshold-activity', 'service-guidance', 'network-cooperation'],
    targetGroupIds: ['long-term-unemployed', 'unemployed'],
  },
  {
    id: 'prj-s20634',
    code: 'S20634',
    name: 'Osana',
    programme: PROGRAMME,
    fund: 'ESR',
    priorityAxis: '5 Sosiaalinen osallisuus ja köyhyyden torjunta; erityistavoite 10.1',
    startDate: '2016-01-01',
    endDate: '2019-04-30',
    // Seed 004, section 5: "Suunniteltu julkinen rahoitus yhteensä 310 730" is the planned public
    // funding, kept as the budget; "Toteutunut julkinen rahoitus yhteensä 307 976" is what was
    // actually paid, kept as publicFunding (as for KUPO, whose fact sheet gives the realised sum).
    budget: 310730,
    publicFunding: 307976,
    description:
      'Maahanmuuttajien osallisuuden edistäminen: tehostetut kotouttamistoimenpiteet, tieto-, neuvonta- ja ' +
      'ohjauspalvelu (TNO), ryhmätoiminta ja kokonaisvaltaista kotoutumista tukeva verkostoyhteistyö. Tavoitteena, ' +
      'että kaupungin TNO-palvelu siirtyy hankkeen jälkeen kaupungin normaaliksi palvelutoiminnaksi.',
    outputs:
      'Asiakkaan omaa tavoitteellisuutta korostava ohjausmalli Kpedun käyttöön; osallisuutta ja toiminnallisuutta ' +
      'korostava kielenopiskelumalli; maahanmuuttajien kotoutumista yhdessä edistävä verkosto.',
    networkIds: ['net-kokkola-maahanmuuttajatyo'],
    methodIds: ['service-guidance', 'network-cooperation', 'multicultural-peer-group', 'low-threshold-activity'],
    targetGroupIds: ['immigrants', 'partially-able-to-work'],
  },
];

// ---------------------------------------------------------------------------------------------
// Activities
// ---------------------------------------------------------------------------------------------

const KESAKEIDAS_METHODS = ['nature-based', 'arts-based', 'creative-methods', 'co-development'];
const KESAKEIDAS_GROUPS = ['residents', 'social-rehabilitation-clients', 'children', 'young-people'];
// Pieksämäki: seed 002 dates neither the training nor the exhibition. They happened within the
// project (from 2019) and before the model was written up in Innokylä (7 May 2021), so that
// window is used for both.
const PIEKSAMAKI_FROM = '2019-01-01';
const PIEKSAMAKI_TO = '2021-05-07';

const activities: SeedDataset['activities'] = [
  // Kuusamo --------------------------------------------------------------------------------------
  {
    // "Summer 2020": June to August.
    id: 'act-kesakeidas-2020',
    name: 'Kuusamon kesäkeidas 2020',
    type: 'POP_UP',
    startDate: '2020-06-01',
    endDate: '2020-08-31',
    municipalityCode: '305',
    projectId: 'prj-luonnollisesti',
    description:
      'Yhteisöllinen pop-up-kesäkeidas: yhteinen pienviljely, kesämatto-projekti, koristekivien maalaus ja muiden ' +
      'yhteisten tilaisuuksien suunnittelu ja toteutus. LUONNOLLISESTI-hanke käynnisti suunnittelun ja koordinoi; ' +
      'TAIDA!-hanke mukana alusta. Pohjois-Pohjanmaan liiton Vuoden hyvinvointiteko 2020 -tunnustus.',
    networkIds: ['net-kuusamo'],
    methodIds: KESAKEIDAS_METHODS,
    targetGroupIds: KESAKEIDAS_GROUPS,
  },
  {
    // "Summer 2021": June to August. LUONNOLLISESTI was still running (2019–2021).
    id: 'act-kesakeidas-2021',
    name: 'Kuusamon kesäkeidas 2021',
    type: 'POP_UP',
    startDate: '2021-06-01',
    endDate: '2021-08-31',
    municipalityCode: '305',
    projectId: 'prj-luonnollisesti',
    continuesId: 'act-kesakeidas-2020',
    description: 'Kesäkeidas-pop-up-tapahtuma sai jatkoa kesällä 2021, mikä edisti toiminnan juurtumista: eri toimijat kantavat ' + 'pientä tai isompaa vastuuta kokonaisuudesta.',
    networkIds: ['net-kuusamo'],
    methodIds: KESAKEIDAS_METHODS,
    targetGroupIds: KESAKEIDAS_GROUPS,
  },
  {
    // The seed does not date the start. It was developed in LUONNOLLISESTI and TAIDA! together, so
    // not before TAIDA! began (2020), and coordinated by the projects until their end (2022).
    // An activity has one project: TAIDA!, which ran to the end; LUONNOLLISESTI is in the text.
    id: 'act-luonto-ja-luovuus-sotessa-hanke',
    name: 'Luonto ja luovuus sotessa -pyöreä pöytä (hankevaihe)',
    type: 'ROUND_TABLE',
    startDate: '2020-01-01',
    endDate: '2022-12-31',
    municipalityCode: '305',
    projectId: 'prj-taida',
    description:
      'Nature and creativity in social and health care: LUONNOLLISESTI- ja TAIDA!-hankkeissa kehitetty pyöreä pöytä ' +
      'luonto- ja taidelähtöisten menetelmien näkyvyyden ja hyödyntämisen edistämiseksi hyvinvointia edistävissä ' +
      'palveluissa. Mukana kunnan viranhaltijoita, sosiaalisen kuntoutuksen ja ikäihmisten palveluiden työntekijöitä, ' +
      'Green Care -yrittäjiä, yhdistystoimijoita ja hankkeita. Hankkeet koordinoivat hankeaikanaan.',
    networkIds: ['net-kuusamo'],
    methodIds: ['nature-based', 'arts-based', 'culture-based', 'network-cooperation', 'co-development'],
    targetGroupIds: ['professionals'],
  },
  {
    // "Hankkeiden päätyttyä toimijaverkoston koollekutsujana jatkaa Kuusamon kaupunki": from the
    // day after the later project (TAIDA!, 2022) ended; still running.
    id: 'act-luonto-ja-luovuus-sotessa',
    name: 'Luonto ja luovuus sotessa -pyöreä pöytä',
    type: 'ROUND_TABLE',
    startDate: '2023-01-01',
    endDate: null,
    municipalityCode: '305',
    projectId: null,
    continuesId: 'act-luonto-ja-luovuus-sotessa-hanke',
    description: 'Hankkeiden päätyttyä toimijaverkoston koollekutsujana jatkaa Kuusamon kaupunki.',
    networkIds: ['net-kuusamo'],
    methodIds: ['nature-based', 'arts-based', 'culture-based', 'network-cooperation', 'co-development'],
    targetGroupIds: ['professionals'],
  },
  {
    // "Keväällä 2021": spring taken as March to May.
    id: 'act-luonto-ja-luovuus-kortti-hakemus',
    name: 'Luonto & Luovuus -kortti: Kuusamon ja Kalajoen yhteinen rahoitushakemus',
    type: 'OTHER',
    startDate: '2021-03-01',
    endDate: '2021-05-31',
    municipalityCode: '305',
    projectId: null,
    description:
      'Pyöreän pöydän tukema kuusamolainen malli kortille, jolla esimerkiksi sosiaalityön tai työvoimapalvelujen ' +
      'asiakas voisi saada maksutta luonto-, taide- ja kulttuurilähtöisiä palveluita; eteni Kuusamon ja Kalajoen ' +
      'yhteiseksi rahoitushakemukseksi keväällä 2021.',
    networkIds: ['net-kuusamo'],
    methodIds: ['nature-based', 'arts-based', 'culture-based'],
    targetGroupIds: ['unemployed', 'social-rehabilitation-clients'],
  },

  // Pieksämäki ------------------------------------------------------------------------------------
  {
    id: 'act-luontovalokuvausvalmennus',
    name: 'Luontovalokuvausvalmennus sote-työntekijöille',
    type: 'TRAINING',
    startDate: PIEKSAMAKI_FROM,
    endDate: PIEKSAMAKI_TO,
    municipalityCode: '593',
    projectId: 'prj-parasta-etela-savoon',
    description:
      'Valmennus eri sosiaali- ja terveydenhuollon yksiköiden työntekijöille: luontoaiheiset valokuvat yksin tai ' +
      'yhdessä asiakkaiden kanssa; teoriaosuus Green Care -toiminnasta, metsäterapiasta ja luonnon hyvinvointivaikutuksista.',
    networkIds: ['net-pieksamaki'],
    methodIds: ['nature-based', 'arts-based', 'green-care'],
    targetGroupIds: ['professionals'],
  },
  {
    id: 'act-pieksamaki-luontovalokuvanayttely',
    name: 'Pieksämäen luontovalokuvanäyttely',
    type: 'EXHIBITION',
    startDate: PIEKSAMAKI_FROM,
    endDate: PIEKSAMAKI_TO,
    municipalityCode: '593',
    projectId: 'prj-parasta-etela-savoon',
    description:
      'Kaupungin eri toimijat ja niiden asiakkaat järjestivät yhteistyössä luontovalokuvanäyttelyn; kukin työyhteisö ' +
      'valitsi asiakkaiden kanssa 2–3 kuvaa. Näyttely koottiin kulttuurikeskus Poleeniin yhteistyössä kulttuuritoimen ' +
      'ja Seutuopiston kanssa. Hanketyöntekijät vastasivat koordinoinnista.',
    networkIds: ['net-pieksamaki'],
    methodIds: ['nature-based', 'arts-based', 'culture-based'],
    targetGroupIds: ['professionals', 'social-rehabilitation-clients'],
  },

  // Tenho ------------------------------------------------------------------------------------------
  {
    id: 'act-tenho-luovat-tyopajat',
    name: 'Luovat menetelmät osaksi nuorten palvelukokonaisuutta (elokuva-, sirkus- ja teatterityöpajat)',
    type: 'WORKSHOP',
    startDate: '2015-06-01',
    endDate: '2018-05-31',
    projectId: 'prj-s20430',
    description: 'NEET-nuorten ohjaus- ja palveluverkostoon liitetyt elokuvan, sirkuksen ja teatterin työpajat.',
    methodIds: ['creative-methods', 'arts-based', 'workshop-activity'],
    targetGroupIds: ['neet-young-people'],
  },

  // KUPO -------------------------------------------------------------------------------------------
  {
    id: 'act-kupo-viherryhmat',
    name: 'KUPO: luontolähtöiset vertaisryhmät (viherryhmät)',
    type: 'PEER_GROUP',
    startDate: '2020-01-01',
    endDate: '2022-12-31',
    projectId: 'prj-s21858',
    description: 'Monikulttuuriset luontolähtöiset vertaistoiminnan ryhmät hankkeen paikkakunnilla.',
    methodIds: ['nature-based', 'green-care', 'multicultural-peer-group', 'peer-support'],
    targetGroupIds: ['immigrants', 'people-in-rehabilitation'],
  },
  {
    id: 'act-kupo-viherryhmaohjaajakoulutus',
    name: 'KUPO: viherryhmäohjaajien koulutus',
    type: 'TRAINING',
    startDate: '2020-01-01',
    endDate: '2022-12-31',
    projectId: 'prj-s21858',
    description: 'Ohjaajakoulutukset; hankkeessa koulutettiin 12 viherryhmäohjaajaa.',
    methodIds: ['nature-based', 'green-care'],
    targetGroupIds: ['professionals'],
  },

  // Vaasa ------------------------------------------------------------------------------------------
  {
    id: 'act-askeleet-etsiva-tyo',
    name: 'Osallisuuden askeleet: etsivä ja jalkautuva työ',
    type: 'SERVICE',
    startDate: '2017-05-01',
    endDate: '2020-04-30',
    municipalityCode: '905',
    projectId: 'prj-osallisuuden-askeleet',
    description: 'Kohderyhmän tavoittaminen arkiympäristöissä; sisäänheittotempaukset (retket, ulkoilu, pop up -tilaisuudet).',
    networkIds: ['net-vaasa-osallisuuden-askeleet'],
    methodIds: ['outreach-work', 'low-threshold-activity'],
    targetGroupIds: ['long-term-unemployed', 'unemployed'],
  },
  {
    id: 'act-askeleet-ryhmat-ja-tyopajat',
    name: 'Osallisuuden askeleet: matalan kynnyksen työpajat, kurssit, retket ja ryhmät',
    type: 'WORKSHOP',
    startDate: '2017-05-01',
    endDate: '2020-04-30',
    municipalityCode: '905',
    projectId: 'prj-osallisuuden-askeleet',
    description:
      'Aktivoivaa toimintaa liikunnasta kulttuuriin ja uuden oppimiseen; mielenterveyttä, hyvinvointia ja kuntoutusta ' +
      'edistäviä toimintoja; vertaistuki ja palveluohjaus jatkopoluille.',
    networkIds: ['net-vaasa-osallisuuden-askeleet'],
    methodIds: ['workshop-activity', 'peer-support', 'service-guidance', 'low-threshold-activity'],
    targetGroupIds: ['long-term-unemployed', 'unemployed'],
  },

  // Kokkola ----------------------------------------------------------------------------------------
  {
    id: 'act-osana-ryhmatoiminta',
    name: 'Osana: maahanmuuttajien ryhmätoiminta',
    type: 'PEER_GROUP',
    startDate: '2016-01-01',
    endDate: '2019-04-30',
    municipalityCode: '272',
    projectId: 'prj-s20634',
    description:
      'Kielitaitoa, osallisuutta sekä työ- ja toimintakykyä edistävä ryhmätoiminta; osallisuutta ja toiminnallisuutta ' +
      'korostava kielenopiskelumalli; luontoliikkuminen yhtenä keskeisenä toimintatapana.',
    networkIds: ['net-kokkola-maahanmuuttajatyo'],
    methodIds: ['multicultural-peer-group', 'nature-based', 'low-threshold-activity'],
    targetGroupIds: ['immigrants'],
  },
  {
    id: 'act-kokkola-tno-palvelu',
    name: 'Kokkolan kaupungin TNO-palvelu maahanmuuttajille',
    type: 'SERVICE',
    startDate: '2016-01-01',
    endDate: '2019-04-30',
    municipalityCode: '272',
    projectId: 'prj-s20634',
    description:
      'Kaikille maahanmuuttajille avoin matalan kynnyksen yhden pisteen tieto-, neuvonta- ja ohjauspalvelu. ' +
      'Tavoitteena siirtyä hankkeen jälkeen kaupungin normaaliksi palvelutoiminnaksi (seed ei kerro, toteutuiko).',
    networkIds: ['net-kokkola-maahanmuuttajatyo'],
    methodIds: ['service-guidance', 'low-threshold-activity'],
    targetGroupIds: ['immigrants'],
  },
  {
    id: 'act-kokkola-verkostoyhteistyo',
    name: 'Maahanmuuttajatyön säännöllinen verkostoyhteistyö (Kokkola)',
    type: 'COORDINATION_GROUP',
    startDate: '2016-01-01',
    endDate: '2019-04-30',
    municipalityCode: '272',
    projectId: 'prj-s20634',
    description:
      'Alueen maahanmuuttajatyötä tekevien (kaupunki, koulutusorganisaatiot, viranomaiset, yhdistykset, seurakunta, ' +
      'vapaaehtoiset) ja kohderyhmän säännöllinen verkostoyhteistyökäytäntö.',
    networkIds: ['net-kokkola-maahanmuuttajatyo'],
    methodIds: ['network-cooperation'],
    targetGroupIds: ['immigrants', 'professionals'],
  },
];

// ---------------------------------------------------------------------------------------------
// Participations
// ---------------------------------------------------------------------------------------------

const participations: SeedParticipation[] = [];
const take = (organisationId: string, targetId: string, role: ParticipationRole, validFrom: IsoDate | null, validTo: IsoDate | null) =>
  participations.push({ organisationId, targetId, role, validFrom, validTo });

/** Every organisation takes part for the whole span of the project or activity. */
function spanOf(targetId: string): [IsoDate | null, IsoDate | null] {
  const t = projects.find((p) => p.id === targetId) ?? activities.find((a) => a.id === targetId);
  if (!t) throw new Error(`demo data: no project or activity ${targetId}`);
  return [t.startDate ?? null, t.endDate ?? null];
}
const inProject = (targetId: string, role: ParticipationRole, ...orgIds: string[]) => orgIds.forEach((o) => take(o, targetId, role, ...spanOf(targetId)));
const inActivity = inProject;

// Projects
inProject('prj-s21858', 'LEAD', 'org-lapin-ammattikorkeakoulu');
inProject('prj-s21858', 'FUNDER', 'org-pohjois-pohjanmaan-ely-keskus');
inProject('prj-luonnollisesti', 'LEAD', 'org-ksak');
inProject('prj-luonnollisesti', 'CO_IMPLEMENTER', 'org-lapin-ammattikorkeakoulu', 'org-ksakki');
inProject('prj-taida', 'LEAD', 'org-ksak');
inProject('prj-taida', 'CO_IMPLEMENTER', 'org-ksakki', 'org-kuusamo-opisto');
// Seed 002 lists four implementers without naming the lead; the implementers' own project pages
// name Xamk as administrator, Diak for the Pieksämäki sub-project and Etelä-Savon ELY-keskus as funder.
inProject('prj-parasta-etela-savoon', 'LEAD', 'org-xamk');
inProject('prj-parasta-etela-savoon', 'CO_IMPLEMENTER', 'org-diak', 'org-essote', 'org-savonlinnan-seudun-kolomonen');
inProject('prj-parasta-etela-savoon', 'FUNDER', 'org-etela-savon-ely-keskus');
inProject('prj-s20430', 'LEAD', 'org-suomen-lasten-ja-nuorten-saatio');
inProject('prj-s20430', 'FUNDER', 'org-sosiaali-ja-terveysministerio');
const VAASA_CO_IMPLEMENTERS = [
  'org-vaasan-seudun-yhdistykset',
  'org-vaasan-setlementtiyhdistys',
  'org-vaasanseudun-mielenterveysseura',
  'org-vaasan-suomalainen-seurakunta',
  'org-vahankyron-seurakunta',
];
inProject('prj-osallisuuden-askeleet', 'LEAD', 'org-vaasan-kaupunki');
inProject('prj-osallisuuden-askeleet', 'CO_IMPLEMENTER', ...VAASA_CO_IMPLEMENTERS);
inProject('prj-osallisuuden-askeleet', 'FUNDER', 'org-keski-suomen-ely-keskus');
// "Ohjausryhmän kokoonpano muodostuu osatoteuttajista, keskeisistä kumppaneista ja sidosryhmätoimijoista."
inProject('prj-osallisuuden-askeleet', 'STEERING_GROUP', ...VAASA_CO_IMPLEMENTERS);
inProject('prj-s20634', 'LEAD', 'org-keski-pohjanmaan-koulutuskuntayhtyma');
inProject('prj-s20634', 'CO_IMPLEMENTER', 'org-kokkolan-kaupunki');
// "Vastuuviranomainen: Keski-Suomen ELY-keskus" – the funding authority.
inProject('prj-s20634', 'FUNDER', 'org-keski-suomen-ely-keskus');

// Kuusamo activities. The seed names no separate partners for 2021; the same partners are assumed.
const KESAKEIDAS_PARTNERS = [
  'org-kuusamon-kaupungin-kirjasto',
  'org-paivakoti-ullakaisa',
  'org-luontopaivakoti-otso',
  'org-kuusamon-4h-yhdistys',
  'org-kuusamon-nuorten-tyopaja',
  'org-voimavaroja-luonnosta-ryhma',
];
for (const id of ['act-kesakeidas-2020', 'act-kesakeidas-2021']) {
  inActivity(id, 'ORGANISER', 'org-ksak');
  inActivity(id, 'PARTNER', ...KESAKEIDAS_PARTNERS);
}
inActivity('act-luonto-ja-luovuus-sotessa-hanke', 'ORGANISER', 'org-ksak');
inActivity('act-luonto-ja-luovuus-sotessa-hanke', 'PARTNER', 'org-kuusamon-kaupunki');
inActivity('act-luonto-ja-luovuus-sotessa', 'ORGANISER', 'org-kuusamon-kaupunki');
inActivity('act-luonto-ja-luovuus-kortti-hakemus', 'ORGANISER', 'org-kuusamon-kaupunki');
inActivity('act-luonto-ja-luovuus-kortti-hakemus', 'PARTNER', 'org-kalajoen-kaupunki');

// Pieksämäki activities: the project workers (Diak's sub-project) coordinated.
inActivity('act-luontovalokuvausvalmennus', 'ORGANISER', 'org-diak');
inActivity('act-pieksamaki-luontovalokuvanayttely', 'ORGANISER', 'org-diak');
inActivity('act-pieksamaki-luontovalokuvanayttely', 'PARTNER', 'org-pieksamaen-kulttuuritoimi', 'org-seutuopisto');
inActivity('act-pieksamaki-luontovalokuvanayttely', 'VENUE', 'org-kulttuurikeskus-poleeni');

// Tenho, KUPO: run by the lead implementer (the seeds name no other organisation).
inActivity('act-tenho-luovat-tyopajat', 'ORGANISER', 'org-suomen-lasten-ja-nuorten-saatio');
inActivity('act-kupo-viherryhmat', 'ORGANISER', 'org-lapin-ammattikorkeakoulu');
inActivity('act-kupo-viherryhmaohjaajakoulutus', 'ORGANISER', 'org-lapin-ammattikorkeakoulu');

// Vaasa: the city's project team runs the steps with the co-implementers' own input.
for (const id of ['act-askeleet-etsiva-tyo', 'act-askeleet-ryhmat-ja-tyopajat']) {
  inActivity(id, 'ORGANISER', 'org-vaasan-kaupunki');
  inActivity(id, 'PARTNER', ...VAASA_CO_IMPLEMENTERS);
}

// Kokkola
inActivity('act-osana-ryhmatoiminta', 'ORGANISER', 'org-keski-pohjanmaan-koulutuskuntayhtyma');
inActivity('act-osana-ryhmatoiminta', 'PARTNER', 'org-kokkolan-kaupunki');
inActivity('act-kokkola-tno-palvelu', 'ORGANISER', 'org-kokkolan-kaupunki');
inActivity('act-kokkola-tno-palvelu', 'PARTNER', 'org-keski-pohjanmaan-koulutuskuntayhtyma');
inActivity('act-kokkola-verkostoyhteistyo', 'ORGANISER', 'org-kokkolan-kaupunki');
inActivity('act-kokkola-verkostoyhteistyo', 'PARTNER', 'org-keski-pohjanmaan-koulutuskuntayhtyma');
// Seed 004 names these as the region's immigrant-work actors (indirect target groups) whom the
// regular network cooperation was to bring together.
inActivity('act-kokkola-verkostoyhteistyo', 'PARTICIPANT', 'org-spr-kokkolan-suomalainen-osasto', 'org-keski-ja-etela-pohjanmaan-martat', 'org-kokkolan-seurakuntayhtyma');

// Network memberships and coordination. A project organisation belongs to the network and
// coordinates it while its project runs; the seeds do not say it stayed on. Permanent members stay
// (open end) unless a seed says they left.
// Kuusamo: KSAK Oy (LUONNOLLISESTI from 2019, TAIDA! to the end of 2022) coordinates; the city
// convenes from 2023-01-01, the day after the later project ended. The library and the TAIDA!
// project were in the planning "from the early phase" (spring 2020: 1 April); the others joined
// by the event (summer 2020: 1 June). The city joins with the round table (2020).
take('org-ksak', 'net-kuusamo', 'MEMBER', '2019-01-01', '2022-12-31');
take('org-ksak', 'net-kuusamo', 'COORDINATOR', '2019-01-01', '2022-12-31');
take('org-kuusamon-kaupunki', 'net-kuusamo', 'MEMBER', '2020-01-01', null);
take('org-kuusamon-kaupunki', 'net-kuusamo', 'COORDINATOR', '2023-01-01', null);
take('org-kuusamon-kaupungin-kirjasto', 'net-kuusamo', 'MEMBER', '2020-04-01', null);
for (const id of KESAKEIDAS_PARTNERS.filter((p) => p !== 'org-kuusamon-kaupungin-kirjasto')) {
  // The client group belonged to LUONNOLLISESTI and ends with it.
  take(id, 'net-kuusamo', 'MEMBER', '2020-06-01', id === 'org-voimavaroja-luonnosta-ryhma' ? '2021-12-31' : null);
}
// Pieksämäki: Diak's project workers coordinated during the project. The seed makes a named
// coordination group with a culture-office lead the *condition* for rooting, not a fact: no
// coordinator after the project.
take('org-diak', 'net-pieksamaki', 'MEMBER', PIEKSAMAKI_FROM, '2021-12-31');
take('org-diak', 'net-pieksamaki', 'COORDINATOR', PIEKSAMAKI_FROM, '2021-12-31');
take('org-pieksamaen-kulttuuritoimi', 'net-pieksamaki', 'MEMBER', PIEKSAMAKI_FROM, null);
take('org-seutuopisto', 'net-pieksamaki', 'MEMBER', PIEKSAMAKI_FROM, null);
// Vaasa: the city's project manager leads the coordinating working group during the project;
// "Hankkeen jälkeen: kesken" – nothing is known after.
take('org-vaasan-kaupunki', 'net-vaasa-osallisuuden-askeleet', 'MEMBER', '2017-05-01', null);
take('org-vaasan-kaupunki', 'net-vaasa-osallisuuden-askeleet', 'COORDINATOR', '2017-05-01', '2020-04-30');
for (const id of VAASA_CO_IMPLEMENTERS) take(id, 'net-vaasa-osallisuuden-askeleet', 'MEMBER', '2017-05-01', null);
// Kokkola: the city develops and runs the regular network cooperation during Osana.
take('org-kokkolan-kaupunki', 'net-kokkola-maahanmuuttajatyo', 'MEMBER', '2016-01-01', null);
take('org-kokkolan-kaupunki', 'net-kokkola-maahanmuuttajatyo', 'COORDINATOR', '2016-01-01', '2019-04-30');
for (const id of ['org-keski-pohjanmaan-koulutuskuntayhtyma', 'org-spr-kokkolan-suomalainen-osasto', 'org-keski-ja-etela-pohjanmaan-martat', 'org-kokkolan-seurakuntayhtyma']) {
  take(id, 'net-kokkola-maahanmuuttajatyo', 'MEMBER', '2016-01-01', null);
}

// ---------------------------------------------------------------------------------------------
// Operating models and adoptions
// ---------------------------------------------------------------------------------------------

const operatingModels: NonNullable<SeedDataset['operatingModels']> = [
  {
    id: 'om-osallisuusverkosto',
    name: 'Taide-, kulttuuri- tai luontolähtöinen osallisuusverkosto',
    description:
      'Innokylä-toimintamalli (LUONNOLLISESTI, TAIDA!, Parasta Etelä-Savoon; Sokran arvioima Osallisuuden palanen): ' +
      'toimijat ja asiakkaat muodostavat osallisuusverkoston, joka toteuttaa taide-, kulttuuri- tai luontolähtöisen ' +
      'toiminnon tai tapahtuman; koordinaatioryhmä ja vastuuhenkilö, budjettivastuu, yhteiskehittäminen, arviointi ja juurruttaminen.',
  },
  {
    id: 'om-luovat-menetelmat-nuorten-palveluihin',
    name: 'Luovat menetelmät osaksi nuorten palvelukokonaisuutta',
    description: 'Innokylä-toimintamalli Tenho-hankkeesta: luovat työpajat NEET-nuorten ohjaus- ja palveluverkostoon.',
  },
  {
    id: 'om-kupo-viherryhmat',
    name: 'Monikulttuuriset luontolähtöiset viherryhmät (KUPO)',
    description:
      'KUPO-hankkeen luontolähtöinen, monikulttuurinen vertaisryhmätoiminta ja ohjaajakoulutus. Seed 001: toiminnot ' +
      'ovat juurtuneet osatoteuttajien organisaatioihin (osatoteuttajia ei nimetä).',
  },
  {
    id: 'om-osana-ohjausmalli',
    name: 'Asiakkaan omaa tavoitteellisuutta korostava ohjausmalli (Osana)',
    description: 'Osana-hankkeessa Kpedun TNO-palvelun käyttöön kehitetty ohjausmalli koulutukseen ja työelämään siirtymisen tueksi.',
  },
];

const adoptions: NonNullable<SeedDataset['adoptions']> = [
  // The City of Kuusamo carries the participation network on as its convener after the projects.
  { organisationId: 'org-kuusamon-kaupunki', operatingModelId: 'om-osallisuusverkosto', validFrom: '2023-01-01', validTo: null },
  // "Kpedun käyttöön kehitettiin … ohjausmalli": in use from the day after Osana ended.
  { organisationId: 'org-keski-pohjanmaan-koulutuskuntayhtyma', operatingModelId: 'om-osana-ohjausmalli', validFrom: '2019-05-01', validTo: null },
];

export const DEMO_DATASET: SeedDataset = {
  methods: METHODS,
  targetGroups: TARGET_GROUPS,
  organisations: organisations.map((o) => ({ permanent: true, businessId: null, municipalityCode: null, website: null, ...o })),
  projects,
  networks,
  activities,
  participations,
  operatingModels,
  adoptions,
};
