using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Emr.Codegen.Spec.Json
{
    internal enum JsonKind
    {
        Object,
        Array,
        String,
        Number,
        Boolean,
        Null,
    }

    /// <summary>
    /// A JSON value with the position it was read from, so that spec problems can be reported
    /// at a line and column of the spec file. Compiler extensions cannot rely on System.Text.Json
    /// being loadable in every host, hence this small reader of our own.
    /// </summary>
    internal sealed class JsonNode
    {
        private JsonNode(JsonKind kind, string? text, List<KeyValuePair<string, JsonNode>>? properties, List<JsonNode>? items, TextPosition position)
        {
            Kind = kind;
            Text = text;
            Properties = properties;
            Items = items;
            Position = position;
        }

        public JsonKind Kind { get; }

        /// <summary>The string value, the number as written, or "true"/"false".</summary>
        public string? Text { get; }

        public List<KeyValuePair<string, JsonNode>>? Properties { get; }

        public List<JsonNode>? Items { get; }

        public TextPosition Position { get; }

        public static JsonNode NewObject(List<KeyValuePair<string, JsonNode>> properties, TextPosition position) => new JsonNode(JsonKind.Object, null, properties, null, position);

        public static JsonNode NewArray(List<JsonNode> items, TextPosition position) => new JsonNode(JsonKind.Array, null, null, items, position);

        public static JsonNode NewScalar(JsonKind kind, string? text, TextPosition position) => new JsonNode(kind, text, null, null, position);

        public JsonNode? this[string name]
        {
            get
            {
                if (Properties is null)
                {
                    return null;
                }

                // Last one wins, as in most JSON readers; duplicates are reported separately.
                for (int i = Properties.Count - 1; i >= 0; i--)
                {
                    if (Properties[i].Key == name)
                    {
                        return Properties[i].Value;
                    }
                }

                return null;
            }
        }

        public override string ToString() => Kind switch
        {
            JsonKind.String => "\"" + Text + "\"",
            JsonKind.Object => "object",
            JsonKind.Array => "array",
            _ => Text ?? "null",
        };
    }

    internal readonly struct TextPosition : IEquatable<TextPosition>
    {
        public TextPosition(int offset, int line, int column)
        {
            Offset = offset;
            Line = line;
            Column = column;
        }

        public int Offset { get; }

        /// <summary>Zero-based line.</summary>
        public int Line { get; }

        /// <summary>Zero-based column.</summary>
        public int Column { get; }

        public bool Equals(TextPosition other) => Offset == other.Offset && Line == other.Line && Column == other.Column;

        public override bool Equals(object? obj) => obj is TextPosition other && Equals(other);

        public override int GetHashCode() => (Offset * 397) ^ (Line * 31) ^ Column;
    }

    internal sealed class JsonParseException : Exception
    {
        public JsonParseException(string message, TextPosition position)
            : base(message)
        {
            Position = position;
        }

        public TextPosition Position { get; }
    }

    /// <summary>Strict RFC 8259 reader that records positions.</summary>
    internal sealed class JsonReader
    {
        private const int MaxDepth = 128;
        private readonly string _text;
        private int _offset;
        private int _line;
        private int _lineStart;

        private JsonReader(string text)
        {
            _text = text;
        }

        public static JsonNode Parse(string text)
        {
            var reader = new JsonReader(text);
            if (reader._text.Length > 0 && reader._text[0] == '\uFEFF')
            {
                reader._offset = 1;
                reader._lineStart = 1;
            }

            reader.SkipWhitespace();
            JsonNode root = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (reader._offset < reader._text.Length)
            {
                throw reader.Error("Unexpected text after the end of the JSON document");
            }

            return root;
        }

        private TextPosition Here => new TextPosition(_offset, _line, _offset - _lineStart);

        private JsonParseException Error(string message) => new JsonParseException(message, Here);

        private void SkipWhitespace()
        {
            while (_offset < _text.Length)
            {
                char c = _text[_offset];
                if (c == '\n' || c == '\r')
                {
                    // CR, LF and CRLF each end a line, as in Roslyn's SourceText, so positions match what editors show.
                    _offset += c == '\r' && _offset + 1 < _text.Length && _text[_offset + 1] == '\n' ? 2 : 1;
                    NewLine();
                }
                else if (c == ' ' || c == '\t')
                {
                    _offset++;
                }
                else
                {
                    break;
                }
            }
        }

        private void NewLine()
        {
            _line++;
            _lineStart = _offset;
        }

        /// <summary>Line breaks JSON allows inside strings that editors and Roslyn's SourceText count as line ends.</summary>
        private static bool IsUnicodeLineBreak(char c) => c == '\u0085' || c == '\u2028' || c == '\u2029';

        private JsonNode ReadValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error("JSON nesting is deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels");
            }

            if (_offset >= _text.Length)
            {
                throw Error("Unexpected end of the JSON document");
            }

            TextPosition start = Here;
            char c = _text[_offset];
            switch (c)
            {
                case '{':
                    return ReadObject(depth, start);
                case '[':
                    return ReadArray(depth, start);
                case '"':
                    return JsonNode.NewScalar(JsonKind.String, ReadString(), start);
                case 't':
                    ExpectWord("true");
                    return JsonNode.NewScalar(JsonKind.Boolean, "true", start);
                case 'f':
                    ExpectWord("false");
                    return JsonNode.NewScalar(JsonKind.Boolean, "false", start);
                case 'n':
                    ExpectWord("null");
                    return JsonNode.NewScalar(JsonKind.Null, null, start);
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return JsonNode.NewScalar(JsonKind.Number, ReadNumber(), start);
                    }

                    throw Error("Unexpected character '" + c + "'");
            }
        }

        private void ExpectWord(string word)
        {
            if (string.CompareOrdinal(_text, _offset, word, 0, word.Length) != 0)
            {
                throw Error("Invalid literal; expected '" + word + "'");
            }

            _offset += word.Length;
        }

        private JsonNode ReadObject(int depth, TextPosition start)
        {
            _offset++;
            var properties = new List<KeyValuePair<string, JsonNode>>();
            SkipWhitespace();
            if (_offset < _text.Length && _text[_offset] == '}')
            {
                _offset++;
                return JsonNode.NewObject(properties, start);
            }

            while (true)
            {
                SkipWhitespace();
                if (_offset >= _text.Length || _text[_offset] != '"')
                {
                    throw Error("Expected a property name in double quotes");
                }

                string name = ReadString();
                SkipWhitespace();
                if (_offset >= _text.Length || _text[_offset] != ':')
                {
                    throw Error("Expected ':' after the property name");
                }

                _offset++;
                SkipWhitespace();
                properties.Add(new KeyValuePair<string, JsonNode>(name, ReadValue(depth + 1)));
                SkipWhitespace();
                if (_offset >= _text.Length)
                {
                    throw Error("Unexpected end of the JSON document inside an object");
                }

                char c = _text[_offset++];
                if (c == '}')
                {
                    return JsonNode.NewObject(properties, start);
                }

                if (c != ',')
                {
                    _offset--;
                    throw Error("Expected ',' or '}' in an object");
                }
            }
        }

        private JsonNode ReadArray(int depth, TextPosition start)
        {
            _offset++;
            var items = new List<JsonNode>();
            SkipWhitespace();
            if (_offset < _text.Length && _text[_offset] == ']')
            {
                _offset++;
                return JsonNode.NewArray(items, start);
            }

            while (true)
            {
                SkipWhitespace();
                items.Add(ReadValue(depth + 1));
                SkipWhitespace();
                if (_offset >= _text.Length)
                {
                    throw Error("Unexpected end of the JSON document inside an array");
                }

                char c = _text[_offset++];
                if (c == ']')
                {
                    return JsonNode.NewArray(items, start);
                }

                if (c != ',')
                {
                    _offset--;
                    throw Error("Expected ',' or ']' in an array");
                }
            }
        }

        private string ReadString()
        {
            _offset++;
            var builder = new StringBuilder();
            while (true)
            {
                if (_offset >= _text.Length)
                {
                    throw Error("Unterminated string");
                }

                char c = _text[_offset++];
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c < ' ')
                {
                    _offset--;
                    throw Error("Control character in a string; escape it");
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    if (IsUnicodeLineBreak(c))
                    {
                        NewLine();
                    }

                    continue;
                }

                if (_offset >= _text.Length)
                {
                    throw Error("Unterminated escape sequence");
                }

                char escape = _text[_offset++];
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (_offset + 4 > _text.Length || !int.TryParse(_text.Substring(_offset, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                        {
                            throw Error("Invalid \\u escape");
                        }

                        builder.Append((char)code);
                        _offset += 4;
                        break;
                    default:
                        _offset--;
                        throw Error("Invalid escape sequence '\\" + escape + "'");
                }
            }
        }

        private string ReadNumber()
        {
            int start = _offset;
            if (_text[_offset] == '-')
            {
                _offset++;
            }

            int firstDigit = _offset;
            int digits = SkipDigits();
            if (digits == 0)
            {
                throw Error("Invalid number");
            }

            if (digits > 1 && _text[firstDigit] == '0')
            {
                _offset = firstDigit;
                throw Error("Invalid number: leading zeros are not allowed");
            }

            if (_offset < _text.Length && _text[_offset] == '.')
            {
                _offset++;
                if (SkipDigits() == 0)
                {
                    throw Error("Invalid number: digits expected after '.'");
                }
            }

            if (_offset < _text.Length && (_text[_offset] == 'e' || _text[_offset] == 'E'))
            {
                _offset++;
                if (_offset < _text.Length && (_text[_offset] == '+' || _text[_offset] == '-'))
                {
                    _offset++;
                }

                if (SkipDigits() == 0)
                {
                    throw Error("Invalid number: digits expected in the exponent");
                }
            }

            return _text.Substring(start, _offset - start);
        }

        private int SkipDigits()
        {
            int start = _offset;
            while (_offset < _text.Length && _text[_offset] >= '0' && _text[_offset] <= '9')
            {
                _offset++;
            }

            return _offset - start;
        }
    }
}
