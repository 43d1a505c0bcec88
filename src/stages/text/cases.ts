/**
 * Test tables for the text stage: how news copy must split into sentences.
 * Each row is [text, expected sentences in order] (surface strings).
 */
export const SENTENCE_CASES: readonly [string, string[]][] = [
  [
    'Retired Maj. Gen. Serhii Kryvonos spoke. He left.',
    ['Retired Maj. Gen. Serhii Kryvonos spoke.', 'He left.'],
  ],
  [
    'Officials said on Sept. 5 that U.S. officials met.',
    ['Officials said on Sept. 5 that U.S. officials met.'],
  ],
  [
    'Dr. Adam Yahya and Sen. Daniel Whitcomb met.',
    ['Dr. Adam Yahya and Sen. Daniel Whitcomb met.'],
  ],
  ['J. K. Rowling wrote it. It sold.', ['J. K. Rowling wrote it.', 'It sold.']],
  ['"Are you sure?" he asked. She nodded.', ['"Are you sure?" he asked.', 'She nodded.']],
  ['“No. We won,” she said. Then she left.', ['“No.', 'We won,” she said.', 'Then she left.']],
  [
    'KYIV, April 8 (Reuters) — Ukrainian forces advanced near Tarasivka. The army said so.',
    ['KYIV, April 8 (Reuters) — Ukrainian forces advanced near Tarasivka.', 'The army said so.'],
  ],
  [
    'He warns that China’s involvement—direct or indirect—signals intent. It matters.',
    ['He warns that China’s involvement—direct or indirect—signals intent.', 'It matters.'],
  ],
  ['It came from the U.S. The Kremlin said.', ['It came from the U.S.', 'The Kremlin said.']],
  [
    'It was No. 3 on the list. No. That was wrong.',
    ['It was No. 3 on the list.', 'No.', 'That was wrong.'],
  ],
  [
    'Sen. Claire Boyd (D-Mo.), who backs the bill, said so. She left.',
    ['Sen. Claire Boyd (D-Mo.), who backs the bill, said so.', 'She left.'],
  ],
  [
    'First paragraph ends here\nSecond paragraph starts here.',
    ['First paragraph ends here', 'Second paragraph starts here.'],
  ],
]
