using System.Text;

namespace Emr.Codegen.Generator.Emit
{
    /// <summary>Builds C# text line by line with braces and indentation.</summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder _builder = new StringBuilder();
        private int _indent;

        public CodeWriter Line(string text = "")
        {
            if (text.Length > 0)
            {
                _builder.Append(' ', _indent * 4);
            }

            _builder.Append(text).Append('\n');
            return this;
        }

        public CodeWriter Open(string text)
        {
            Line(text);
            Line("{");
            _indent++;
            return this;
        }

        public CodeWriter Close(string suffix = "")
        {
            _indent--;
            return Line("}" + suffix);
        }

        /// <summary>Writes a line and indents the lines after it, without a brace (a continued expression).</summary>
        public CodeWriter Indent(string text)
        {
            Line(text);
            _indent++;
            return this;
        }

        /// <summary>Ends <see cref="Indent"/> with a line at the outer indentation.</summary>
        public CodeWriter Dedent(string text)
        {
            _indent--;
            return Line(text);
        }

        public override string ToString() => _builder.ToString();
    }
}
