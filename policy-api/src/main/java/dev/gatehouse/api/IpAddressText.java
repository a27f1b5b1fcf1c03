package dev.gatehouse.api;

import org.jspecify.annotations.Nullable;

/**
 * Reads the common textual forms of an address with no allocation but the address: IPv4 dotted
 * quads, and IPv6 in full, compressed ({@code ::}) or mixed form ({@code ::ffff:192.0.2.1}), hex
 * digits in either case. Whatever it does not read (zones, five-digit groups, malformed or unusual
 * text) it leaves to {@link IpAddress}'s parser of record, the IPAddress library, which also words
 * every rejection; {@code IpAddressTextTest} checks the two agree on millions of inputs.
 */
final class IpAddressText {

  private IpAddressText() {}

  /** Returns the address {@code text} denotes, or null if this reader does not decide it. */
  static @Nullable IpAddress parse(String text) {
    int n = text.length();
    if (n < 2 || n > 45) {
      return null;
    }
    long v4 = ipv4(text, 0, n);
    if (v4 >= 0) {
      return IpAddress.of128(IpAddress.MAPPED_HI, IpAddress.MAPPED_LO | v4);
    }
    return ipv6(text, n);
  }

  /**
   * Returns the value of the strict dotted quad {@code s[from, to)}, or -1: four decimal parts of
   * one to three digits, each at most 255, no leading zero, as {@link IpAddress} requires.
   */
  static long ipv4(String s, int from, int to) {
    long value = 0;
    int i = from;
    for (int part = 0; ; part++) {
      int start = i;
      int octet = 0;
      while (i < to && i - start < 3) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
          break;
        }
        octet = octet * 10 + (c - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || octet > 255 || (digits > 1 && s.charAt(start) == '0')) {
        return -1;
      }
      value = (value << 8) | octet;
      if (part == 3) {
        return i == to ? value : -1;
      }
      if (i >= to || s.charAt(i) != '.') {
        return -1;
      }
      i++;
    }
  }

  /**
   * Reads IPv6 text as groups before and after one {@code ::}, each side a 128-bit shift register
   * in two longs, so that no array of groups is needed.
   */
  private static @Nullable IpAddress ipv6(String s, int n) {
    long headHi = 0;
    long headLo = 0;
    long tailHi = 0;
    long tailLo = 0;
    int head = 0;
    int tail = 0;
    boolean compressed = false;
    int i = 0;
    if (s.charAt(0) == ':') {
      if (s.charAt(1) != ':') {
        return null;
      }
      compressed = true;
      i = 2;
    }
    while (i < n) {
      int start = i;
      int group = 0;
      while (i < n && i - start < 4) {
        int digit = hex(s.charAt(i));
        if (digit < 0) {
          break;
        }
        group = (group << 4) | digit;
        i++;
      }
      if (i == start) {
        return null;
      }
      int groups = 1;
      if (i < n && s.charAt(i) == '.') {
        // An IPv4 tail ends the text and stands for the last two groups.
        long v4 = ipv4(s, start, n);
        if (v4 < 0) {
          return null;
        }
        group = (int) v4;
        groups = 2;
        i = n;
      }
      if (compressed) {
        tailHi = push(tailHi, tailLo, groups);
        tailLo = (tailLo << (16 * groups)) | (group & 0xffff_ffffL);
        tail += groups;
      } else {
        headHi = push(headHi, headLo, groups);
        headLo = (headLo << (16 * groups)) | (group & 0xffff_ffffL);
        head += groups;
      }
      if (head + tail > 8) {
        return null;
      }
      if (i == n) {
        break;
      }
      if (s.charAt(i) != ':') {
        return null;
      }
      i++;
      if (i < n && s.charAt(i) == ':') {
        if (compressed) {
          return null;
        }
        compressed = true;
        i++;
      } else if (i == n) {
        return null;
      }
    }
    if (compressed ? head + tail > 7 : head + tail != 8) {
      return null;
    }
    // The head's groups move to the top; the tail's stay at the bottom.
    int shift = 16 * (8 - head);
    long hi;
    long lo;
    if (shift == 128) {
      hi = 0;
      lo = 0;
    } else if (shift >= 64) {
      hi = headLo << (shift - 64);
      lo = 0;
    } else if (shift == 0) {
      hi = headHi;
      lo = headLo;
    } else {
      hi = (headHi << shift) | (headLo >>> (64 - shift));
      lo = headLo << shift;
    }
    return IpAddress.of128(hi | tailHi, lo | tailLo);
  }

  /** Returns the high half of the register {@code hi:lo} shifted left by {@code groups} groups. */
  private static long push(long hi, long lo, int groups) {
    int bits = 16 * groups;
    return (hi << bits) | (lo >>> (64 - bits));
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
