// The readable part of every hostile page: six short articles written for this corpus, so each
// page goes the whole way (readable check, Readability, entities, save) with its payloads inside.
// Names of people, places and organisations are in them on purpose (entity highlighting runs).

export interface Prose {
  title: string;
  byline: string;
  caption: string;
  paragraphs: string[];
}

export const PROSE: Prose[] = [
  {
    title: 'The night trams of Lisbon keep an old city moving',
    byline: 'Marta Kowalski',
    caption: 'A number 28 tram climbs towards the cathedral before dawn.',
    paragraphs: [
      'Long before the first bakeries open, the yellow trams of Lisbon are already out on the hills. Drivers start their shifts at the depot in Santo Amaro, where mechanics have spent the night checking brakes that were built to handle gradients no modern designer would accept.',
      'The network once ran to more than seventy kilometres. Today it is a fraction of that, but the lines that survived are the ones that mattered most to the people who live here: the steep runs through Alfama and Graça, where no bus could turn the corners.',
      'Carris, the city transport company, has spent the last decade restoring the oldest cars rather than replacing them. Each one is taken apart by hand, its wooden panels sanded and varnished, its motors rewound in a workshop that still keeps paper records going back to the 1930s.',
      'Residents say the trams are slow, crowded and indispensable. Ana Ribeiro, who has lived on the same street in Graça for forty years, rides the first tram every morning to her job at a pharmacy near Rossio. She knows the drivers by name and they know where she gets off.',
      'Tourism has changed the daytime trams beyond recognition. In summer the queues at Martim Moniz can stretch for an hour. The night service is different: quieter, slower, and mostly used by nurses, cleaners and cooks going to work while the rest of the city sleeps.',
      'City planners are now debating whether to extend the network again. A study published by the University of Lisbon argues that a modest extension towards the river would cut car traffic in the old centre by a fifth. Opponents worry about the cost and the years of roadworks.',
      'For now the trams keep running as they have for more than a century, grinding up the hills in the dark, their bells warning pedestrians at every blind corner. Whatever the planners decide, the people who ride them before dawn are unlikely to give them up.',
    ],
  },
  {
    title: 'How beekeepers in the Black Forest get their colonies through winter',
    byline: 'Jonas Weber',
    caption: 'Hives wrapped against the cold above Freiburg.',
    paragraphs: [
      'Winter is the season that decides whether a beekeeper will have anything to show for the year. In the hills above Freiburg the temperature can stay below freezing for weeks, and a colony that goes into December too small or too hungry will not see the spring.',
      'Honeybees do not hibernate. They cluster around the queen and shiver their flight muscles to make heat, keeping the centre of the cluster warm enough for her to survive. The bees on the outside rotate inwards as they cool, in a slow circulation that lasts all winter.',
      'Klara Hoffmann has kept bees in the Black Forest for twenty-two years. She starts preparing in August, when she checks each hive for mites and treats the ones that need it. A colony weakened by parasites in late summer will raise sickly winter bees that die before February.',
      'By October the hives must be heavy. Each colony needs around fifteen to twenty kilograms of stores to last until the first willow flowers in March. Where the summer harvest was poor, beekeepers feed sugar syrup, which the bees store in the comb much as they store nectar.',
      'The association of beekeepers in Baden-Württemberg runs courses every autumn for newcomers. The most common mistake, its trainers say, is opening the hive too often in cold weather. Every time the cluster is disturbed it loses heat it cannot easily make back.',
      'Climate change has made the work harder to predict. Mild spells in January now tempt bees out of the hive to fly when there is nothing to forage, and they burn through their stores. A sudden frost afterwards can catch a colony that has started raising brood too early.',
      'When spring finally comes, the first sign is a cloud of bees on a sunny afternoon, taking their cleansing flights after months indoors. For Klara Hoffmann it is the best day of the year: the day she learns which of her colonies made it through.',
    ],
  },
  {
    title: 'Restoring the reading room of a nineteenth-century library',
    byline: 'Priya Natarajan',
    caption: 'Conservators at work beneath the reading room dome.',
    paragraphs: [
      'For three years the great reading room of the public library in Manchester was closed, its desks covered in dust sheets and its dome hidden behind scaffolding. When it reopened last spring, regular readers said it looked exactly as they remembered it, which was the point.',
      'The restoration was led by a team of conservators from the National Trust and specialists in historic plaster. Their brief was to repair everything and change nothing that a visitor would notice: the oak desks, the green lamps, the gilded lettering around the base of the dome.',
      'The hardest part was the dome itself. Water had been seeping through the roof for decades, and the plaster beneath had begun to separate from its supports. Each section had to be tested, pinned and consolidated by hand, working from a platform forty metres above the floor.',
      'Behind the scenes the library has changed a great deal. New cables run under the floors, so readers can plug in laptops without trailing leads across the aisles. The heating has been replaced with a system that keeps the temperature and humidity stable for the books.',
      'The collections moved out during the work and came back in a careful order. Librarians used the closure to catalogue thousands of pamphlets that had never been listed, including election leaflets from the 1880s and a run of trade union newsletters thought to have been lost.',
      'Visitor numbers since the reopening have surprised the city council. Many are students who come for the quiet and the long tables; others are tourists who come to photograph the dome. Staff have had to introduce a rule against flash photography during opening hours.',
      'The head librarian, Samuel Okafor, says the building was designed to tell people that knowledge belongs to everyone. The restoration, in his view, simply lets it go on saying so for another hundred years.',
    ],
  },
  {
    title: 'Volunteers pull a tonne of rubbish from the river every weekend',
    byline: 'Tomás Álvarez',
    caption: 'Volunteers sort what they pulled from the river by type.',
    paragraphs: [
      'Every Saturday at eight in the morning a group of volunteers gathers on the bank of the Ebro in Zaragoza with gloves, grabbers and a rented van. By noon they have usually filled it. Over the last year the group has removed more than fifty tonnes of rubbish from the river and its banks.',
      'The group began with five friends who were tired of walking past the same shopping trolley half sunk in the mud. It now has more than three hundred members and a small grant from the regional government of Aragon to pay for skips and safety equipment.',
      'Plastic bottles and food packaging make up most of what they find, but the list of stranger objects is long: bicycles, a sofa, road signs, a wedding dress still in its bag. After floods the volume rises sharply, as the water carries down whatever was left near the banks upstream.',
      'Lucía Moreno, a biology teacher who coordinates the group, keeps a spreadsheet of every item. The data has been shared with researchers at the University of Zaragoza, who are using it to work out where the rubbish enters the river and which measures would stop it.',
      'The work is not without risk. Volunteers are trained to avoid needles and chemical containers and to stay out of the current. The group works closely with the river authority, which sends a boat on days when they clear the deeper stretches below the bridges.',
      'There are signs that the effort is paying off. Anglers report seeing more fish near the city, and a pair of otters was photographed last winter on a stretch that the group cleared two years ago. Nobody can say for certain that the two are connected, but the volunteers like to think so.',
      'The group wants to put itself out of work. Its next campaign asks supermarkets in the city to take back packaging, and schools to teach children where the river water goes. Until then, the van will be back on the bank every Saturday morning.',
    ],
  },
  {
    title: 'A bakery that has kept the same sourdough starter for ninety years',
    byline: 'Elif Demir',
    caption: 'The starter is fed twice a day, every day of the year.',
    paragraphs: [
      'In a narrow street behind the market in Lyon, a bakery has been feeding the same sourdough starter since before the Second World War. The family that owns it says the starter has never been allowed to die, not even during the months when flour was rationed.',
      'A starter is a living culture of wild yeast and bacteria that bakers keep alive by feeding it flour and water. Left alone it will starve within days. Kept well, it can last indefinitely, and many bakers believe an old starter gives bread a depth of flavour a young one cannot match.',
      'Claire Dubois, who runs the bakery with her brother, was taught to feed the starter by her grandfather when she was eleven. She still follows his schedule: twice a day, every day, with the same ratio of flour to water he wrote on a card that hangs above the workbench.',
      'Scientists are less romantic about it. Researchers at the French National Institute for Agricultural Research have found that the microbes in a starter change over time, adapting to the flour, the water and the baker’s hands. The culture in the jar today is not the one from the 1930s, however carefully it has been kept.',
      'That does not bother the customers. The queue on Saturday mornings reaches the end of the street, and the bakery sells out of its large country loaves before ten. Regulars say the bread keeps for a week, which they attribute to the long, slow fermentation the starter allows.',
      'The starter has travelled, too. Over the years the family has given portions to bakers in Montreal, Tokyo and Buenos Aires, each of whom has kept a branch of it alive. Claire Dubois receives photographs of their loaves and keeps them pinned to the wall beside her grandfather’s card.',
      'Asked what would happen if the starter died, she laughs and points to the freezer, where a dried sample is kept in case of disaster. Then she turns back to the workbench, because it is nearly time to feed it again.',
    ],
  },
  {
    title: 'The lighthouse keepers whose logbooks now help climate scientists',
    byline: 'Fiona MacLeod',
    caption: 'A page from a keeper’s log, written in 1893.',
    paragraphs: [
      'For more than a century the keepers of the lighthouses along the coast of Scotland wrote down the weather every few hours, day and night. They recorded wind, rain, visibility and the state of the sea, in handwriting that varies from careful copperplate to hurried scrawl.',
      'Those logbooks, thousands of them, are now being read again. A project run by the University of Edinburgh and the Northern Lighthouse Board is transcribing the records so that climate scientists can use them to reconstruct the weather of the North Atlantic long before satellites.',
      'The work is done largely by volunteers working online. Each page is photographed and shown to several people, who type in the readings; where they disagree, the page is checked again. More than four thousand volunteers have taken part, from retired sailors to schoolchildren in Glasgow.',
      'The logbooks record more than the weather. Keepers noted ships that passed, supplies that arrived and the occasional disaster. One entry from 1899 describes a keeper rowing out in a storm to rescue the crew of a fishing boat, recorded in the same flat tone as the wind speed beside it.',
      'For the scientists, the value lies in the continuity. Some stations kept records without a break for more than a hundred years, in the same place and with similar instruments. That makes it possible to see how storms have changed in frequency and strength over a long period.',
      'The last lighthouse in Scotland to have a resident keeper was automated in 1998. The buildings remain, many now holiday cottages or museums, but the routine of the watch has gone. The logbooks are the main record of a way of life that lasted for two centuries.',
      'Iain Morrison, whose grandfather kept the light on the Isle of Lewis, found his grandfather’s handwriting while volunteering on the project. He says it felt like being handed the watch. The transcription is expected to be finished within two years, and the data will be published openly.',
    ],
  },
];
