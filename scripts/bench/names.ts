/** Swedish first names and surnames for the generated holders, å, ä and ö included. */
export const FIRST_NAMES: readonly string[] = (
  'Anna Eva Maria Karin Sara Christina Lena Emma Kerstin Marie Malin Ingrid Jenny Hanna Linda ' +
  'Annika Susanne Elin Monica Birgitta Sofia Johanna Inger Carina Elisabeth Julia Ulla Katarina ' +
  'Linnéa Ida Åsa Ebba Maja Agneta Helena Camilla Frida Therese Ylva Märta Lars Mikael Anders Johan ' +
  'Erik Per Karl Peter Thomas Jan Daniel Fredrik Hans Andreas Stefan Mohammed Mats Marcus Magnus ' +
  'Jonas Bengt Oskar Alexander Niklas Henrik Martin Björn Göran Örjan Åke Gustav Viktor Filip Ali ' +
  'Ahmad Omar Nils Olof Sven Pär'
).split(' ');

export const SURNAMES: readonly string[] = (
  'Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson ' +
  'Pettersson Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson Magnusson Lindström ' +
  'Olofsson Lindqvist Lindgren Berg Axelsson Bergström Lundberg Lundgren Lind Lundqvist Mattsson ' +
  'Berglund Fredriksson Sandberg Henriksson Forsberg Sjöberg Ali Wallin Mohammed Engström Eklund ' +
  'Danielsson Lundin Håkansson Björk Bergman Gunnarsson Holm Wikström Samuelsson Isaksson Fransson ' +
  'Bergqvist Nyström Holmberg Arvidsson Löfgren Söderberg Nyberg Blomqvist Claesson Nordström ' +
  'Mårtensson Lundström Ahmed Viklund Björklund Eliasson Pålsson Berggren Sandström Lund Nordin ' +
  'Ström Åberg Hermansson Ekström Holmström Sundberg Hedlund Dahlberg Hellström Sjögren Abrahamsson ' +
  'Falk Öberg Martinsson Andreasson Ängström'
).split(' ');

/** Administrator names (who hands the card out) per desk. */
export const ADMINISTRATORS = [
  'Kim Karlsson',
  'Alex Lund',
  'Robin Berg',
  'Sam Ek',
  'Charlie Holm',
  'Maj Ström',
  'Vide Falk',
  'Tove Nyberg',
];

export const ORGANISATION_KINDS = ['Region', 'Kommun', 'Vårdcentral', 'Sjukhus', 'Tandvård'];
