using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Emr.Codegen.Tests.Campaign
{
    /// <summary>
    /// A JSON tree the spec mutator can break at will: duplicate keys, numbers kept as written (<c>01</c>, <c>1e999</c>),
    /// strings with lone surrogates. System.Text.Json's own DOM refuses most of that, hence this small one.
    /// </summary>
    internal abstract class JValue
    {
        public abstract JValue Clone();

        public static JValue From(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => new JObject(element.EnumerateObject().Select(p => new JProperty(p.Name, From(p.Value))).ToList()),
            JsonValueKind.Array => new JArray(element.EnumerateArray().Select(From).ToList()),
            JsonValueKind.String => new JString(element.GetString()!),
            JsonValueKind.Number => new JNumber(element.GetRawText()),
            JsonValueKind.True => JLiteral.True,
            JsonValueKind.False => JLiteral.False,
            _ => JLiteral.Null,
        };

        public static JValue Parse(string json)
        {
            using JsonDocument document = JsonDocument.Parse(json);
            return From(document.RootElement);
        }
    }

    internal sealed class JProperty
    {
        public JProperty(string key, JValue value)
        {
            Key = key;
            Value = value;
        }

        public string Key { get; set; }

        public JValue Value { get; set; }
    }

    internal sealed class JObject : JValue
    {
        public JObject(List<JProperty> properties) => Properties = properties;

        public JObject(params (string Key, JValue Value)[] properties)
            : this(properties.Select(p => new JProperty(p.Key, p.Value)).ToList())
        {
        }

        public List<JProperty> Properties { get; }

        public JValue? this[string key] => Properties.LastOrDefault(p => p.Key == key)?.Value;

        public override JValue Clone() => new JObject(Properties.Select(p => new JProperty(p.Key, p.Value.Clone())).ToList());
    }

    internal sealed class JArray : JValue
    {
        public JArray(List<JValue> items) => Items = items;

        public JArray(params JValue[] items)
            : this(items.ToList())
        {
        }

        public List<JValue> Items { get; }

        public override JValue Clone() => new JArray(Items.Select(i => i.Clone()).ToList());
    }

    internal sealed class JString : JValue
    {
        public JString(string value) => Value = value;

        public string Value { get; set; }

        public override JValue Clone() => new JString(Value);
    }

    /// <summary>A number as written, valid JSON or not.</summary>
    internal sealed class JNumber : JValue
    {
        public JNumber(string text) => Text = text;

        public string Text { get; }

        public override JValue Clone() => this;
    }

    internal sealed class JLiteral : JValue
    {
        public static readonly JLiteral True = new JLiteral("true");
        public static readonly JLiteral False = new JLiteral("false");
        public static readonly JLiteral Null = new JLiteral("null");

        private JLiteral(string text) => Text = text;

        public string Text { get; }

        public override JValue Clone() => this;
    }

    /// <summary>How a mutant is written out: line breaks, indentation and which characters are escaped.</summary>
    internal sealed record JsonStyle(string NewLine, bool Indent, bool EscapeNonAscii)
    {
        public static readonly JsonStyle Default = new JsonStyle("\n", true, false);

        public string Write(JValue value)
        {
            var builder = new StringBuilder();
            Write(builder, value, 0);
            return builder.ToString();
        }

        private void Write(StringBuilder builder, JValue value, int depth)
        {
            switch (value)
            {
                case JObject obj:
                    WriteContainer(builder, '{', '}', obj.Properties.Count, depth, (i, d) =>
                    {
                        WriteString(builder, obj.Properties[i].Key);
                        builder.Append(Indent ? ": " : ":");
                        Write(builder, obj.Properties[i].Value, d);
                    });
                    break;
                case JArray array:
                    WriteContainer(builder, '[', ']', array.Items.Count, depth, (i, d) => Write(builder, array.Items[i], d));
                    break;
                case JString text:
                    WriteString(builder, text.Value);
                    break;
                case JNumber number:
                    builder.Append(number.Text);
                    break;
                case JLiteral literal:
                    builder.Append(literal.Text);
                    break;
            }
        }

        private void WriteContainer(StringBuilder builder, char open, char close, int count, int depth, Action<int, int> item)
        {
            builder.Append(open);
            // Deep nests are written flat: a line per level would make a 200-deep mutant needlessly large.
            bool multiline = Indent && depth < 12 && count > 0;
            for (int i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    builder.Append(',');
                }

                if (multiline)
                {
                    builder.Append(NewLine).Append(' ', depth + 1);
                }

                item(i, depth + 1);
            }

            if (multiline)
            {
                builder.Append(NewLine).Append(' ', depth);
            }

            builder.Append(close);
        }

        private void WriteString(StringBuilder builder, string value)
        {
            builder.Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        // Lone surrogates are always escaped here; a raw one is a separate, text-level mutation.
                        if (c < ' ' || char.IsSurrogate(c) || (EscapeNonAscii && c > '~'))
                        {
                            builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            builder.Append('"');
        }
    }
}
