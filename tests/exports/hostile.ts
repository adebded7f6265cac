/** Hostile strings shared by the exporter and escaper tests: each has broken a serializer somewhere. */
export const hostileTexts = [
  '</script><script>alert(1)</script>',
  '<script>alert("x")</script> & friends',
  'an arrow --> inside the text',
  '1 00:00:01,000 --> 00:00:02,000 a fake SRT cue',
  '00:00:01.000 --> 00:00:02.000',
  'already escaped: &amp; &lt; &#60; &copy and a bare & too',
  'first line\nsecond line\n\nafter a blank line',
  '</v><v Mallory>hijacked voice',
  '<i>not italic</i> <b>not bold</b> <c.yellow>not a class</c>',
  '{\\an8} not an ASS override',
  'a CDATA end ]]> in the middle',
  'line\u2028separator and paragraph\u2029separator',
  'javascript:alert(document.cookie)',
  'WEBVTT',
  'NOTE this is not a comment',
  'Speaker 2: not a change of speaker',
  'tab\there, NBSP\u00a0there, zero\u200bwidth',
  'emoji 🎙️ and right-to-left שלום',
] as const;

/** Text with characters XML 1.0 cannot hold at all. */
export const xmlForbidden = 'nul\u0000 bell\u0007 vertical-tab\u000b escape\u001b fffe\ufffe lone-surrogate\ud800 end';
