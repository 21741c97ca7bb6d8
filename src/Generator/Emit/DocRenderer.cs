using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using Emr.Codegen.Spec;

namespace Emr.Codegen.Generator.Emit
{
    /// <summary>
    /// Turns a spec document (plain text, upstream's light HTML with &lt;li&gt; items, markdown links
    /// and code spans) into XML documentation. Every piece of spec text is escaped; only the
    /// elements written here are markup.
    /// </summary>
    internal static class DocRenderer
    {
        private static readonly Regex Tag = new Regex(@"<\s*(/?)\s*([a-zA-Z]+)[^>]*>", RegexOptions.CultureInvariant);
        private static readonly Regex Link = new Regex(@"\[([^\]]+)\]\((https?://[^)\s]+)\)", RegexOptions.CultureInvariant);
        private static readonly Regex Code = new Regex("`([^`]+)`", RegexOptions.CultureInvariant);

        public static void WriteSummary(CodeWriter writer, string document, string? remarks = null)
        {
            var (paragraphs, items) = Split(document);
            if (paragraphs.Count == 0 && items.Count == 0)
            {
                paragraphs.Add("(No description in the spec.)");
            }

            writer.Line("/// <summary>");
            foreach (string paragraph in paragraphs)
            {
                writer.Line("/// <para>" + Inline(paragraph) + "</para>");
            }

            if (items.Count > 0)
            {
                writer.Line("/// <list type=\"bullet\">");
                foreach (string item in items)
                {
                    writer.Line("/// <item><description>" + Inline(item) + "</description></item>");
                }

                writer.Line("/// </list>");
            }

            writer.Line("/// </summary>");
            if (remarks != null)
            {
                writer.Line("/// <remarks>" + CSharpNames.XmlText(remarks).Replace("\n", " ") + "</remarks>");
            }
        }

        private static (List<string> Paragraphs, List<string> Items) Split(string document)
        {
            var paragraphs = new List<string>();
            var items = new List<string>();
            var current = new StringBuilder();
            bool inItem = false;

            void Flush()
            {
                string text = Regex.Replace(current.ToString(), @"\s+", " ").Trim();
                if (text.Length > 0)
                {
                    (inItem ? items : paragraphs).Add(text);
                }

                current.Clear();
            }

            int position = 0;
            foreach (Match match in Tag.Matches(document))
            {
                AppendText(current, document.Substring(position, match.Index - position), Flush);
                position = match.Index + match.Length;
                string name = match.Groups[2].Value.ToLowerInvariant();
                bool closing = match.Groups[1].Value.Length > 0;
                if (name == "li")
                {
                    Flush();
                    inItem = !closing;
                }
                else if (name == "p" || name == "br" || name == "ul" || name == "ol" || name == "div")
                {
                    Flush();
                }
            }

            AppendText(current, document.Substring(position), Flush);
            Flush();
            return (paragraphs, items);
        }

        private static void AppendText(StringBuilder current, string text, System.Action flush)
        {
            string[] lines = text.Replace("\r", string.Empty).Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    flush();
                }

                current.Append(Decode(lines[i]));
            }
        }

        private static string Decode(string text) => text
            .Replace("&quot;", "\"").Replace("&#39;", "'").Replace("&nbsp;", " ")
            .Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&");

        /// <summary>Escapes the text, then turns links and code spans into doc elements.</summary>
        private static string Inline(string text)
        {
            var builder = new StringBuilder();
            int position = 0;
            foreach (Match match in Link.Matches(text))
            {
                builder.Append(CodeSpans(text.Substring(position, match.Index - position)));
                builder.Append("<see href=\"").Append(CSharpNames.XmlText(match.Groups[2].Value)).Append("\">")
                    .Append(CSharpNames.XmlText(match.Groups[1].Value)).Append("</see>");
                position = match.Index + match.Length;
            }

            builder.Append(CodeSpans(text.Substring(position)));
            return builder.ToString();
        }

        private static string CodeSpans(string text)
        {
            var builder = new StringBuilder();
            int position = 0;
            foreach (Match match in Code.Matches(text))
            {
                builder.Append(CSharpNames.XmlText(text.Substring(position, match.Index - position)));
                builder.Append("<c>").Append(CSharpNames.XmlText(match.Groups[1].Value)).Append("</c>");
                position = match.Index + match.Length;
            }

            builder.Append(CSharpNames.XmlText(text.Substring(position)));
            return builder.ToString();
        }
    }
}
