using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Emr.Codegen.Runtime;

/// <summary>The API's flat form encoding: <c>Name=Value</c> pairs, lists as <c>Name.0</c>, objects as <c>Name.Member</c>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ApiFormEncoding
{
    /// <summary>Joins pairs as <c>a=1&amp;b=2</c>, percent-encoding names and values (RFC 3986).</summary>
    public static string Join(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var text = new StringBuilder();
        foreach (var pair in pairs)
        {
            if (text.Length > 0)
            {
                text.Append('&');
            }

            text.Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value));
        }

        return text.ToString();
    }

    /// <summary>
    /// Splits <c>&amp;a=1&amp;b=2</c> (or one pair a line) into pairs, decoded as Tencent Cloud's SDKs encode them
    /// (application/x-www-form-urlencoded: <c>+</c> is a space, <c>%XX</c> a byte of UTF-8); segments without a name are skipped.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> Split(string text)
    {
        foreach (string segment in text.Split('&', '\n', '\r'))
        {
            int equals = segment.IndexOf('=');
            string raw = equals < 0 ? string.Empty : segment.Substring(0, equals).Trim();
            if (raw.Length == 0)
            {
                continue;
            }

            string name = Decode(raw, null);
            yield return new KeyValuePair<string, string>(name, Decode(segment.Substring(equals + 1), name));
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

    private static string Decode(string text, string? name)
    {
        if (text.IndexOf('%') < 0 && text.IndexOf('+') < 0)
        {
            return text;
        }

        var decoded = new StringBuilder(text.Length);
        byte[] bytes = new byte[text.Length / 3];
        int count = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length || !IsHex(text[i + 1]) || !IsHex(text[i + 2]))
                {
                    throw new FormatException(Where(text, name) + "'" + text.Substring(i, Math.Min(3, text.Length - i)) + "' is not a percent escape; a literal % is %25.");
                }

                bytes[count++] = (byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2]));
                i += 2;
                continue;
            }

            Flush(decoded, bytes, ref count, text, name);
            decoded.Append(c == '+' ? ' ' : c);
        }

        Flush(decoded, bytes, ref count, text, name);
        return decoded.ToString();
    }

    private static void Flush(StringBuilder decoded, byte[] bytes, ref int count, string text, string? name)
    {
        if (count == 0)
        {
            return;
        }

        try
        {
            decoded.Append(StrictUtf8.GetString(bytes, 0, count));
        }
        catch (DecoderFallbackException)
        {
            throw new FormatException(Where(text, name) + "the percent escapes are not UTF-8 text.");
        }

        count = 0;
    }

    private static string Where(string text, string? name) => name is null ? "The name '" + (text.Length <= 40 ? text : text.Substring(0, 40) + "...") + "': " : name + ": ";

    private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    internal static string Index(int index) => index.ToString(CultureInfo.InvariantCulture);

    /// <summary>How deep the form readers follow nested names, as deep as the JSON readers follow nested values.</summary>
    internal const int MaxDepth = 64;

    // Only an object that holds itself nests deeper: followed, it would overflow the stack, and a name's prefixes take
    // memory quadratic in its length. Writers and readers stop at the same depth.
    internal static string? TooDeep(string name, string what) =>
        MemoryExtensions.Count(MemoryExtensions.AsSpan(name), '.') > MaxDepth ? name.Substring(0, Math.Min(80, name.Length)) + "...: " + what + " nests deeper than " + Index(MaxDepth) + " levels." : null;

    internal static long ParseInt64(string text, string name) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) ? value : throw new FormatException(name + ": " + NotWhole(text, "'" + text + "'", "a whole number from -9223372036854775808 to 9223372036854775807"));

    internal static ulong ParseUInt64(string text, string name) =>
        ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong value) ? value : throw new FormatException(name + ": " + NotWhole(text, "'" + text + "'", "a whole number from 0 to 18446744073709551615"));

    // 3600.0 is whole, but the API takes whole numbers written without a fraction part or an exponent: say which is written.
    internal static string NotWhole(string text, string shown, string expected) =>
        shown + (!TryParseDouble(text, out _) ? " is not " : text.Contains('.') ? " has a fraction part; the member takes " : text.AsSpan().IndexOfAny('e', 'E') >= 0 ? " has an exponent; the member takes " : " is not ") + expected + ".";

    internal static double ParseDouble(string text, string name) =>
        TryParseDouble(text, out double value) ? value : throw new FormatException(name + ": '" + text + "' is not a finite number.");

    // A number too large for double parses as infinity; the API has no such value, so it does not fit.
    internal static bool TryParseDouble(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsNaN(value) && !double.IsInfinity(value);

    internal static bool ParseBoolean(string text, string name) =>
        TryParseBoolean(text, out bool value) ? value : throw new FormatException(name + ": '" + text + "' is not true or false.");

    // As the official SDKs write it in forms: true (Go, Java, Node.js, PHP over TC3), True (Python, .NET), 1 (PHP over HmacSHA); see the README.
    internal static bool TryParseBoolean(string text, out bool value)
    {
        value = text == "true" || text == "True" || text == "1";
        return value || text == "false" || text == "False" || text == "0";
    }

    /// <summary>Decoded pairs, with the prefixes of every name, to find lists and nested objects.</summary>
    internal sealed class Values
    {
        private readonly Dictionary<string, string> _values = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly HashSet<string> _prefixes = new HashSet<string>(StringComparer.Ordinal);

        // The highest item index under each prefix, to find a gap.
        private readonly Dictionary<string, string> _lastIndexes = new Dictionary<string, string>(StringComparer.Ordinal);

        public Values(IEnumerable<KeyValuePair<string, string>> pairs)
        {
            foreach (var pair in pairs)
            {
                // Which of two values for one name counts would be a guess.
                if (_values.ContainsKey(pair.Key))
                {
                    throw new FormatException(pair.Key + ": the name appears more than once.");
                }

                if (TooDeep(pair.Key, "the name") is string deep)
                {
                    throw new FormatException(deep);
                }

                _values.Add(pair.Key, pair.Value);
                for (int dot = pair.Key.IndexOf('.'); dot > 0; dot = pair.Key.IndexOf('.', dot + 1))
                {
                    string prefix = pair.Key.Substring(0, dot);
                    _prefixes.Add(prefix);
                    int end = pair.Key.IndexOf('.', dot + 1);
                    string segment = end < 0 ? pair.Key.Substring(dot + 1) : pair.Key.Substring(dot + 1, end - dot - 1);
                    if (IsIndex(segment) && (!_lastIndexes.TryGetValue(prefix, out string? last) || segment.Length > last.Length || (segment.Length == last.Length && string.CompareOrdinal(segment, last) > 0)))
                    {
                        _lastIndexes[prefix] = segment;
                    }
                }
            }
        }

        // Digits, no leading zero, as the writer writes an index.
        private static bool IsIndex(string segment)
        {
            if (segment.Length == 0 || (segment[0] == '0' && segment.Length > 1))
            {
                return false;
            }

            foreach (char c in segment)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }

        public bool HasObject(string name) => HasParts(name, "members (" + name + ".Name=...)");

        public bool HasList(string name) => HasParts(name, "a list (" + name + ".0=...)");

        private bool HasParts(string name, string expected)
        {
            if (_values.ContainsKey(name))
            {
                throw new FormatException(name + ": expected " + expected + ", found a value.");
            }

            return _prefixes.Contains(name);
        }

        public string GetValue(string name) =>
            _values.TryGetValue(name, out string? value) ? value : throw new FormatException(name + ": expected a value, found members (" + name + ".Name=...).");

        // A value given members (or an object or list given a value) is a fault, not a member left unset.
        public bool TryGetValue(string name, [NotNullWhen(true)] out string? value)
        {
            if (_values.TryGetValue(name, out value))
            {
                return true;
            }

            if (_prefixes.Contains(name))
            {
                throw new FormatException(name + ": expected a value, found members (" + name + ".Name=...).");
            }

            return false;
        }

        public List<T> ReadList<T>(string name, Func<Values, string, T> read)
        {
            var list = new List<T>();
            for (int i = 0; ; i++)
            {
                string item = name + "." + Index(i);
                if (!_values.ContainsKey(item) && !_prefixes.Contains(item))
                {
                    // Items after a gap would be lost or misplaced.
                    if (_lastIndexes.TryGetValue(name, out string? last) && (last.Length > 9 || int.Parse(last, CultureInfo.InvariantCulture) > i))
                    {
                        throw new FormatException(item + ": missing, though " + name + "." + last + " is given; a list's items are numbered from 0 without a gap.");
                    }

                    return list;
                }

                list.Add(read(this, item));
            }
        }
    }
}
