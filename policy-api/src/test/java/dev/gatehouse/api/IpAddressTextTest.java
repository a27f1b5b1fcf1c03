package dev.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The allocation-free reader of address text against the IPAddress library, the parser of record:
 * on every input the reader either leaves the decision to the library or accepts exactly the
 * address the library gives, and it does read the common forms itself.
 */
final class IpAddressTextTest {

  private static final String NOISE =
      "0123456789abcdefABCDEFgxG:.:.%/[] \t\n\u0000-_*,;\u00e9\u0660";

  /** 1,000 tries of 1,000 inputs each: random and mutated text of every form. */
  @Property(tries = 1_000)
  void parse_anyText_agreesWithLibrary(@ForAll long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 1_000; i++) {
      String text = mutate(random, address(random));
      IpAddress fast = IpAddressText.parse(text);
      if (fast != null) {
        assertThat(library(text))
            .as("`%s` (seed %d): the fast reader accepts what the library gives", esc(text), seed)
            .contains(fast);
      } else if ((i & 15) == 0) {
        // What the reader leaves goes to the library; checked on a sample, as it parses twice.
        assertThat(IpAddress.tryParse(text)).as("`%s`", esc(text)).isEqualTo(library(text));
      }
    }
  }

  /** The common forms, unchanged: the reader decides them itself. */
  @Property(tries = 5_000)
  void parse_commonForm_isReadWithoutLibrary(@ForAll long seed) {
    Random random = new Random(seed);
    String text = address(random);
    if (text.contains("%") || hasLongGroup(text)) {
      return;
    }
    IpAddress fast = IpAddressText.parse(text);
    assertThat(fast).as("`%s` read by the fast reader", text).isNotNull();
    assertThat(library(text)).as("`%s`", text).contains(fast);
  }

  @Property(tries = 2_000)
  void parse_dottedQuad_isTheLibrarysAddress(
      @ForAll @IntRange(max = 255) int a,
      @ForAll @IntRange(max = 255) int b,
      @ForAll @IntRange(max = 255) int c,
      @ForAll @IntRange(max = 255) int d) {
    String text = a + "." + b + "." + c + "." + d;
    assertThat(IpAddressText.parse(text)).isNotNull().isEqualTo(library(text).orElseThrow());
    assertThat(IpAddressText.parse("::ffff:" + text))
        .isEqualTo(IpAddressText.parse(text))
        .isEqualTo(library("::ffff:" + text).orElseThrow());
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "",
        ":",
        "::",
        ":::",
        "1::",
        "::1",
        "1:2:3:4:5:6:7::",
        "::2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7:8::",
        "1:2:3:4:5:6:7::8",
        "1::2::3",
        "1:2:3:4:5:6:1.2.3.4",
        "1:2:3:4:5:6:7:1.2.3.4",
        "::1.2.3.4",
        "::ffff:1.2.3.4",
        "::FFFF:01.2.3.4",
        "1.2.3.4:5",
        "1.2.3.4::",
        "1.2.3",
        "1.2.3.4.",
        ".1.2.3.4",
        "00:0:0:0:0:0:0:0",
        "00000::",
        "fe80::1%eth0",
        "fe80::1%",
        "[::1]",
        " 1.2.3.4",
        "1.2.3.4 ",
        "0.0.0.0",
        "255.255.255.256",
        "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
        "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255",
        "0000:0000:0000:0000:0000:0000:0000:0000:0",
        "2001:db8::/32",
        "١.٢.٣.٤"
      })
  void parse_edgeCase_agreesWithLibrary(String text) {
    assertAgrees(text, 0);
  }

  private static void assertAgrees(String text, long seed) {
    IpAddress fast = IpAddressText.parse(text);
    Optional<IpAddress> library = library(text);
    if (fast != null) {
      assertThat(library)
          .as("`%s` (seed %d): the fast reader accepts what the library gives", esc(text), seed)
          .contains(fast);
    }
    assertThat(IpAddress.tryParse(text)).as("`%s` (seed %d)", esc(text), seed).isEqualTo(library);
  }

  private static Optional<IpAddress> library(String text) {
    try {
      return Optional.of(IpAddress.parseWithLibrary(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String esc(String text) {
    return dev.gatehouse.api.text.Printable.escape(text);
  }

  private static boolean hasLongGroup(String text) {
    for (String group : text.split("[:.]")) {
      if (group.length() > 4) {
        return true;
      }
    }
    return false;
  }

  /** Returns a valid address in one of the textual forms, picked at random. */
  static String address(Random r) {
    switch (r.nextInt(8)) {
      case 0:
      case 1:
        return ipv4(r);
      case 2:
        return "::ffff:" + ipv4(r);
      case 3:
        return ipv6(r, true) + (r.nextInt(8) == 0 ? "%eth" + r.nextInt(3) : "");
      default:
        return ipv6(r, false);
    }
  }

  private static String ipv4(Random r) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      s.append(i == 0 ? "" : ".").append(octet(r));
    }
    return s.toString();
  }

  private static int octet(Random r) {
    int kind = r.nextInt(4);
    return kind == 0 ? r.nextInt(10) : kind == 1 ? 250 + r.nextInt(6) : r.nextInt(256);
  }

  /**
   * Eight groups, some runs of them zero, written full (four digits), short or compressed at a
   * random zero run, in lower, upper or mixed case, with an IPv4 tail when {@code mixed}.
   */
  private static String ipv6(Random r, boolean mixed) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = r.nextInt(3) == 0 ? 0 : r.nextInt(4) == 0 ? r.nextInt(16) : r.nextInt(65_536);
    }
    int zeroFrom = r.nextInt(8);
    int zeroTo = Math.min(8, zeroFrom + r.nextInt(8));
    for (int i = zeroFrom; i < zeroTo; i++) {
      groups[i] = 0;
    }
    int count = mixed ? 6 : 8;
    boolean full = r.nextInt(4) == 0;
    boolean compress = !full && r.nextInt(3) != 0 && zeroTo > zeroFrom && zeroTo - zeroFrom < 8;
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (compress && i >= zeroFrom && i < zeroTo && zeroTo <= count) {
        if (i == zeroFrom) {
          s.append("::");
        }
        continue;
      }
      if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
        s.append(':');
      }
      s.append(full ? String.format("%04x", groups[i]) : Integer.toHexString(groups[i]));
    }
    if (mixed) {
      if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
        s.append(':');
      }
      s.append(ipv4(r));
    }
    String text = s.toString();
    int caseKind = r.nextInt(3);
    return caseKind == 0 ? text.toUpperCase(Locale.ROOT) : caseKind == 1 ? text : mixCase(r, text);
  }

  private static String mixCase(Random r, String text) {
    StringBuilder s = new StringBuilder(text);
    for (int i = 0; i < s.length(); i++) {
      if (r.nextBoolean()) {
        s.setCharAt(i, Character.toUpperCase(s.charAt(i)));
      }
    }
    return s.toString();
  }

  /** Leaves {@code text} as it is a quarter of the time; otherwise breaks or bends it. */
  static String mutate(Random r, String text) {
    int mutations = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(3);
    StringBuilder s = new StringBuilder(text);
    for (int m = 0; m < mutations; m++) {
      int at = s.length() == 0 ? 0 : r.nextInt(s.length() + 1);
      switch (r.nextInt(10)) {
        case 0:
          s.insert(at, NOISE.charAt(r.nextInt(NOISE.length())));
          break;
        case 1:
          if (at < s.length()) {
            s.deleteCharAt(at);
          }
          break;
        case 2:
          if (at < s.length()) {
            s.setCharAt(at, NOISE.charAt(r.nextInt(NOISE.length())));
          }
          break;
        case 3:
          s.insert(at, "0");
          break;
        case 4:
          s.insert(at, r.nextBoolean() ? ":" : "::");
          break;
        case 5:
          s.insert(r.nextBoolean() ? 0 : s.length(), r.nextBoolean() ? " " : "\t");
          break;
        case 6:
          s.append(r.nextBoolean() ? "%eth0" : "/" + r.nextInt(130));
          break;
        case 7:
          s.append(s.length() < 40 ? s.toString() : "");
          break;
        case 8:
          s.setLength(r.nextInt(s.length() + 1));
          break;
        default:
          s.insert(
              at,
              r.nextBoolean()
                  ? "." + r.nextInt(300)
                  : ":" + Integer.toHexString(r.nextInt(1 << 20)));
          break;
      }
    }
    return s.toString();
  }
}
