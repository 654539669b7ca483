package bd.com.getit.realtime.core.text;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.chat.ChatMessage;
import java.text.Normalizer;
import java.util.Set;

/**
 * Turns what a user typed into plain text that is safe to store and show: markup stripped (tags,
 * comments, and the contents of script-like elements), control and bidi-override characters
 * removed, absurd whitespace collapsed, Unicode NFC. Bangla (with ZWJ/ZWNJ) and emoji pass intact.
 * Entities are left as written: nothing is decoded, so no markup can come back. Stateless and
 * thread-safe.
 */
public final class MessageSanitizer {

  /** The longest chat message, in code points (PROTOCOL section 4). */
  public static final int MAX_CODE_POINTS = ChatMessage.MAX_LENGTH;

  /** Raw input past this many chars is refused before any work, so cleaning stays cheap. */
  public static final int MAX_RAW_CHARS = 32 * 1024;

  /** A '<' with no '>' within this many chars starts no tag: bounds the scan per '<'. */
  static final int MAX_TAG_CHARS = 512;

  /** How many markup passes may be needed before '<' is dropped outright. */
  static final int MAX_PASSES = 4;

  /** A run of horizontal whitespace longer than this becomes one space. */
  static final int MAX_SPACE_RUN = 4;

  /** Line breaks in a row beyond this are dropped: at most one blank line. */
  static final int MAX_LINE_BREAKS = 2;

  /** Elements whose whole content is dropped with them, not only their tags. */
  private static final Set<String> DROPPED_CONTENT =
      Set.of(
          "script",
          "style",
          "iframe",
          "noscript",
          "noembed",
          "noframes",
          "template",
          "textarea",
          "title",
          "xmp",
          "object");

  /** Cleans a chat message: at most {@link #MAX_CODE_POINTS} code points. */
  public String sanitize(String raw) {
    return sanitize(raw, MAX_CODE_POINTS);
  }

  /**
   * Cleans {@code raw} and checks its size.
   *
   * @throws RealtimeException {@code PAYLOAD_INVALID} when missing or empty once cleaned, {@code
   *     PAYLOAD_TOO_LARGE} when longer than {@code maxCodePoints} code points once cleaned
   */
  public String sanitize(String raw, int maxCodePoints) {
    if (raw == null) {
      throw new RealtimeException(ErrorCode.PAYLOAD_INVALID, "text is missing");
    }
    if (raw.length() > MAX_RAW_CHARS) {
      throw new RealtimeException(ErrorCode.PAYLOAD_TOO_LARGE, "text is too long");
    }
    if (isPlain(raw, maxCodePoints)) {
      return raw;
    }
    // Controls go first so that none can hide a tag from the markup pass.
    String clean =
        Normalizer.normalize(
            collapseWhitespace(stripAllMarkup(removeControls(raw))), Normalizer.Form.NFC);
    if (clean.isEmpty()) {
      throw new RealtimeException(ErrorCode.PAYLOAD_INVALID, "text is empty");
    }
    if (clean.codePointCount(0, clean.length()) > maxCodePoints) {
      throw new RealtimeException(
          ErrorCode.PAYLOAD_TOO_LARGE, "text is longer than " + maxCodePoints + " characters");
    }
    return clean;
  }

  /**
   * Whether the full cleaning would return {@code raw} unchanged and accept it, known from one
   * scan: printable ASCII without '<' (no markup, no controls, NFC already), no space at either end
   * and no run of spaces longer than {@link #MAX_SPACE_RUN}, not empty and not too long. Most chat
   * messages are; the others take the full path, which gives the same answer for these.
   */
  static boolean isPlain(String raw, int maxCodePoints) {
    int n = raw.length();
    if (n == 0 || n > maxCodePoints || raw.charAt(0) == ' ' || raw.charAt(n - 1) == ' ') {
      return false;
    }
    int spaces = 0;
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (c == ' ') {
        if (++spaces > MAX_SPACE_RUN) {
          return false;
        }
      } else if (c < 0x20 || c > 0x7e || c == '<') {
        return false;
      } else {
        spaces = 0;
      }
    }
    return true;
  }

  /**
   * Strips markup until none is left: removing one tag can join a stray '<' with what followed it
   * ({@code <<b>script>}). Past {@link #MAX_PASSES} passes, no '<' survives at all.
   */
  static String stripAllMarkup(String s) {
    String current = s;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      String next = stripMarkup(current);
      if (next.equals(current)) {
        return current;
      }
      current = next;
    }
    return current.replace("<", "");
  }

  static String stripMarkup(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c != '<') {
        out.append(c);
        i++;
      } else if (s.startsWith("<!--", i)) {
        i = skipPast(s, "-->", i + 4);
      } else if (s.startsWith("<![CDATA[", i)) {
        i = skipPast(s, "]]>", i + 9);
      } else if (i + 1 < n && (s.charAt(i + 1) == '!' || s.charAt(i + 1) == '?')) {
        // A declaration or processing instruction; unterminated, only the '<' goes.
        int end = tagEnd(s, i + 2);
        i = end < 0 ? i + 1 : end + 1;
      } else {
        i = skipTag(s, i, out);
      }
    }
    return out.toString();
  }

  /** Skips a tag at {@code start} (a '<'); returns where scanning goes on. */
  private static int skipTag(String s, int start, StringBuilder out) {
    boolean closing = start + 1 < s.length() && s.charAt(start + 1) == '/';
    int nameStart = closing ? start + 2 : start + 1;
    if (nameStart >= s.length() || !isAsciiLetter(s.charAt(nameStart))) {
      out.append('<'); // "a < b", "<3": plain text, harmless without a tag name
      return start + 1;
    }
    int end = tagEnd(s, nameStart);
    if (end < 0) {
      return start + 1; // no tag without its '>': drop the '<' so no markup can form later
    }
    int nameEnd = nameStart;
    while (nameEnd < end && isNameChar(s.charAt(nameEnd))) {
      nameEnd++;
    }
    String name = s.substring(nameStart, nameEnd).toLowerCase(java.util.Locale.ROOT);
    boolean selfClosing = s.charAt(end - 1) == '/';
    if (closing || selfClosing || !DROPPED_CONTENT.contains(name)) {
      return end + 1;
    }
    int close = indexOfIgnoreCase(s, "</" + name, end + 1);
    if (close < 0) {
      return s.length(); // an unclosed script swallows the rest, as in a browser
    }
    int closeEnd = tagEnd(s, close + 2);
    return closeEnd < 0 ? s.length() : closeEnd + 1;
  }

  /** The index of the '>' ending a tag whose name starts at {@code from}, honouring quotes. */
  private static int tagEnd(String s, int from) {
    int limit = Math.min(s.length(), from + MAX_TAG_CHARS);
    char quote = 0;
    for (int i = from; i < limit; i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i;
      }
    }
    return -1;
  }

  private static int skipPast(String s, String terminator, int from) {
    int end = s.indexOf(terminator, from);
    return end < 0 ? s.length() : end + terminator.length();
  }

  private static int indexOfIgnoreCase(String s, String needle, int from) {
    for (int i = from; i <= s.length() - needle.length(); i++) {
      if (s.regionMatches(true, i, needle, 0, needle.length())) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isNameChar(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == ':';
  }

  static String removeControls(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\r') {
        if (i >= s.length() || s.charAt(i) != '\n') {
          out.append('\n'); // a lone CR is a line break; CRLF keeps only its LF
        }
      } else if (cp == '\u2028' || cp == '\u2029') {
        out.append('\n');
      } else if (cp == '\n' || cp == '\t' || !removed(cp)) {
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }

  /**
   * Control characters, lone surrogates, byte-order marks, noncharacters and the bidi overrides and
   * isolates that can disguise text. ZWJ and ZWNJ (Bangla conjuncts, emoji sequences) stay.
   */
  private static boolean removed(int cp) {
    int type = Character.getType(cp);
    return type == Character.CONTROL
        || type == Character.SURROGATE
        || cp == 0xFEFF
        || (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2066 && cp <= 0x2069)
        || (cp & 0xFFFE) == 0xFFFE
        || (cp >= 0xFDD0 && cp <= 0xFDEF);
  }

  static String collapseWhitespace(String s) {
    StringBuilder out = new StringBuilder(s.length());
    StringBuilder space = new StringBuilder();
    int breaks = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\n') {
        space.setLength(0); // trailing whitespace of a line goes
        breaks++;
      } else if (cp == '\t' || Character.getType(cp) == Character.SPACE_SEPARATOR) {
        space.appendCodePoint(cp);
      } else {
        if (out.length() > 0) {
          out.append("\n".repeat(Math.min(breaks, MAX_LINE_BREAKS)));
          out.append(space.length() > MAX_SPACE_RUN ? " " : space);
        }
        breaks = 0;
        space.setLength(0);
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }
}
