/** The smiley / frowny face at the ends of the child versions' lines; decorative, the anchors carry the meaning. */
export function EndFace({ mood }: { readonly mood: 'happy' | 'sad' }) {
  const mouth = mood === 'happy' ? 'M10 22 Q16 28 22 22' : 'M10 25 Q16 19 22 25';
  return (
    <svg
      className={`tf-face tf-face--${mood}`}
      viewBox="0 0 32 32"
      width="40"
      height="40"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="16" cy="16" r="14" fill="none" stroke="currentColor" strokeWidth="2" />
      <circle cx="11" cy="12.5" r="1.8" fill="currentColor" />
      <circle cx="21" cy="12.5" r="1.8" fill="currentColor" />
      <path d={mouth} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}
