/**
 * A card number in groups of four digits from the left ("9752 2698 0900 0000 011"), as
 * printed on the card: the digits that tell two cards apart stay readable, and a screen
 * reader reads the groups instead of one 19-digit number. Anything that is not a plain
 * run of digits is shown as stored.
 */
export function formatCardNumber(cardNumber: string): string {
  if (!/^\d+$/.test(cardNumber)) return cardNumber;
  return cardNumber.replace(/(\d{4})(?=\d)/g, '$1 ');
}
