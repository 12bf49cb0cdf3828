/**
 * The PDF standard fonts draw only the Windows-1252 character set. Names in the register can hold any
 * script, so text is reduced to what the font can draw: accents are kept where the set has them
 * (Siobhán, Zoë), other letters lose their accent (Łukasz -> Lukasz), and anything else becomes '?'.
 */
const CP1252_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
/** Letters that Unicode does not decompose into a base letter and an accent. */
const BASE_LETTERS: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŀ: 'L',
  ŀ: 'l',
};

function drawable(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRAS.has(char);
}

export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text) {
    if (drawable(char)) {
      out += char;
      continue;
    }
    if (char === '\t' || char === '\n' || char === '\r') {
      out += ' ';
      continue;
    }
    const base = (BASE_LETTERS[char] ?? char).normalize('NFKD').replace(/\p{M}/gu, '');
    out += base && [...base].every(drawable) ? base : '?';
  }
  return out;
}
