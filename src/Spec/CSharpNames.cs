using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Emr.Codegen.Runtime.Rules;

namespace Emr.Codegen.Spec
{
    /// <summary>C# names and literals for text that comes from a spec.</summary>
    internal static class CSharpNames
    {
        private static readonly HashSet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
        {
            "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
            "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
            "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
            "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
            "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
            "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
            "using", "virtual", "void", "volatile", "while", "__arglist", "__makeref", "__reftype", "__refvalue",
        };

        /// <summary>
        /// The longest spec name taken as a C# name. C# allows 512 characters (CS0645); generated names add suffixes
        /// (<c>Value</c>, <c>Async</c>, <c>Client</c>), so spec names stay well below.
        /// </summary>
        public const int MaxNameLength = 256;

        public static bool IsIdentifier(string name)
        {
            if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || !(char.IsLetter(name[0]) || name[0] == '_'))
            {
                return false;
            }

            foreach (char c in name)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Whether the name is only the letters a-z: C# warns for such type names (CS8981), since its new keywords come from
        /// them, and makes some errors (required, file, scoped).
        /// </summary>
        public static bool IsLowerCaseAsciiWord(string name)
        {
            foreach (char c in name)
            {
                if (c < 'a' || c > 'z')
                {
                    return false;
                }
            }

            return name.Length > 0;
        }

        /// <summary>A name usable for a type or member as written, keywords excluded.</summary>
        public static bool IsTypeName(string name) => IsIdentifier(name) && !Keywords.Contains(name);

        public static bool IsNamespace(string name)
        {
            foreach (string part in name.Split('.'))
            {
                // A segment of underscores only would be '_', which turns discards (out _) in generated code into the namespace.
                if (!IsIdentifier(part) || Keywords.Contains(part) || part.Trim('_').Length == 0)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>An identifier as written in source: keywords get '@'.</summary>
        public static string Identifier(string name) => Keywords.Contains(name) ? "@" + name : name;

        public static string Pascal(string text)
        {
            var builder = new StringBuilder();
            bool upper = true;
            foreach (char c in text)
            {
                if (!char.IsLetterOrDigit(c))
                {
                    upper = true;
                    continue;
                }

                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }

            if (builder.Length == 0 || char.IsDigit(builder[0]))
            {
                builder.Insert(0, '_');
            }

            return builder.ToString();
        }

        /// <summary>A regular C# string literal for any text, quotes included: the rule engine's escaping, never cut.</summary>
        public static string StringLiteral(string? value) => value is null ? "null" : SpecValue.Literal(value, int.MaxValue);

        /// <summary>Text made safe inside an XML doc comment element.</summary>
        public static string XmlText(string text)
        {
            var builder = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (char.IsSurrogate(c))
                {
                    // A lone surrogate is not text an editor or an XML reader accepts; a pair stays as it is.
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else
                    {
                        builder.Append('\uFFFD');
                    }

                    continue;
                }

                switch (c)
                {
                    case '&': builder.Append("&amp;"); break;
                    case '<': builder.Append("&lt;"); break;
                    case '>': builder.Append("&gt;"); break;
                    case '"': builder.Append("&quot;"); break;
                    case '\r': break;
                    default:
                        // Every caller writes one '///' line: a line break would end the comment, so it becomes a space
                        // (multi-line documents are split into lines before they get here). Control characters are not XML.
                        if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029')
                        {
                            builder.Append(' ');
                        }
                        else if (c >= ' ' || c == '\t')
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.ToString();
        }
    }
}
