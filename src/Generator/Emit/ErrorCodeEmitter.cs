using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;

namespace Emr.Codegen.Generator.Emit
{
    /// <summary>Emits every error code of the spec: an enumeration, and a struct that keeps unknown codes.</summary>
    internal static class ErrorCodeEmitter
    {
        public static string Emit(ErrorCodesFileModel file)
        {
            string ns = file.Namespace;
            string self = "global::" + ns + ".ApiErrorCode";
            string kind = "global::" + ns + ".ApiErrorCodeKind";
            var names = MemberNames(file.ErrorCodes);
            var w = new CodeWriter();
            Types.Header(w, ns);
            w.Line("/// <summary>The error codes the spec lists, one member each.</summary>");
            w.Line(Types.GeneratedCodeAttribute);
            w.Open(file.Visibility + " enum ApiErrorCodeKind");
            w.Line("/// <summary>A code the spec does not list.</summary>");
            w.Line("Unknown = 0,");
            for (int i = 0; i < file.ErrorCodes.Count; i++)
            {
                ErrorCodeModel code = file.ErrorCodes[i];
                w.Line();
                w.Line("/// <summary><c>" + CSharpNames.XmlText(code.Code) + "</c>: " + CSharpNames.XmlText(code.Description).Replace("\n", " ") + "</summary>");
                w.Line(names[i] + " = " + (i + 1).ToString(CultureInfo.InvariantCulture) + ",");
            }

            w.Close();
            w.Line();
            w.Line("/// <summary>An API error code: a known one maps to <see cref=\"ApiErrorCodeKind\"/>; an unknown one is kept as it is.</summary>");
            w.Line(Types.GeneratedCodeAttribute);
            w.Open(file.Visibility + " readonly struct ApiErrorCode : global::System.IEquatable<" + self + ">, " + Types.Runtime + "IApiErrorCode<" + self + ">");
            w.Line("// The listed codes and their descriptions, in ApiErrorCodeKind's order (member n is at n - 1).");
            w.Line("private static readonly string[] s_codes = { " + string.Join(", ", file.ErrorCodes.Select(c => CSharpNames.StringLiteral(c.Code))) + " };");
            w.Line();
            w.Line("private static readonly string[] s_descriptions = { " + string.Join(", ", file.ErrorCodes.Select(c => CSharpNames.StringLiteral(c.Description))) + " };");
            w.Line();
            w.Line("private static global::System.Collections.Generic.Dictionary<string, " + kind + ">? s_kinds;");
            w.Line();
            w.Line("private readonly string? _code;");
            w.Line();
            w.Line("/// <summary>Wraps a code string as the server sent it.</summary>");
            w.Line("public ApiErrorCode(string code) => _code = code;");
            w.Line();
            w.Line("/// <summary>The code as the server writes it.</summary>");
            w.Line("public string Code => _code ?? string.Empty;");
            w.Line();
            w.Line("/// <summary>Which listed code this is, or Unknown.</summary>");
            w.Line("public " + kind + " Kind => Kinds.TryGetValue(Code, out " + kind + " kind) ? kind : " + kind + ".Unknown;");
            w.Line();
            w.Line("/// <summary>Whether the spec lists this code.</summary>");
            w.Line("public bool IsKnown => Kind != " + kind + ".Unknown;");
            w.Line();
            w.Line("/// <summary>The part before the first dot: <c>InvalidParameter</c>, <c>InternalError</c>, ...</summary>");
            w.Line("public string Category => Code.IndexOf('.') is int dot && dot >= 0 ? Code.Substring(0, dot) : Code;");
            w.Line();
            w.Line("/// <summary>The spec's description, or null for an unknown code.</summary>");
            w.Line("public string? Description => Kind is var kind && kind != " + kind + ".Unknown ? s_descriptions[(int)kind - 1] : null;");
            w.Line();
            w.Line("/// <summary>The code string of a listed code; Unknown has none.</summary>");
            w.Line("public static " + self + " FromKind(" + kind + " kind) => (int)kind >= 1 && (int)kind <= s_codes.Length");
            w.Line("    ? new " + self + "(s_codes[(int)kind - 1])");
            w.Line("    : throw new global::System.ArgumentOutOfRangeException(nameof(kind), kind, \"Not a listed error code.\");");
            w.Line();
            w.Line("/// <summary>Every code the spec lists.</summary>");
            w.Line("public static global::System.Collections.Generic.IReadOnlyList<" + self + "> All { get; } = global::System.Array.ConvertAll(s_codes, code => new " + self + "(code));");
            w.Line();
            w.Line("/// <summary>Wraps a code string as the server sent it.</summary>");
            w.Line("static " + self + " " + Types.Runtime + "IApiErrorCode<" + self + ">.FromCode(string code) => new " + self + "(code);");
            w.Line();
            w.Line("/// <summary>Converts a code string.</summary>");
            w.Line("public static implicit operator " + self + "(string code) => new " + self + "(code);");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public bool Equals(" + self + " other) => string.Equals(Code, other.Code, global::System.StringComparison.Ordinal);");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public override bool Equals(object? obj) => obj is " + self + " other && Equals(other);");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public override int GetHashCode() => Code.GetHashCode();");
            w.Line();
            w.Line("/// <summary>The code string.</summary>");
            w.Line("public override string ToString() => Code;");
            w.Line();
            w.Line("/// <summary>Compares code strings.</summary>");
            w.Line("public static bool operator ==(" + self + " left, " + self + " right) => left.Equals(right);");
            w.Line();
            w.Line("/// <summary>Compares code strings.</summary>");
            w.Line("public static bool operator !=(" + self + " left, " + self + " right) => !left.Equals(right);");
            w.Line();
            w.Open("private static global::System.Collections.Generic.Dictionary<string, " + kind + "> Kinds");
            w.Open("get");
            w.Open("if (s_kinds is null)");
            w.Line("var kinds = new global::System.Collections.Generic.Dictionary<string, " + kind + ">(s_codes.Length, global::System.StringComparer.Ordinal);");
            w.Open("for (int i = 0; i < s_codes.Length; i++)");
            w.Line("kinds[s_codes[i]] = (" + kind + ")(i + 1);");
            w.Close();
            w.Line();
            w.Line("s_kinds = kinds;");
            w.Close();
            w.Line();
            w.Line("return s_kinds;");
            w.Close();
            w.Close();
            w.Close();
            return w.ToString();
        }

        /// <summary>Enumeration member names: dots become '_', and clashes get a number.</summary>
        public static List<string> MemberNames(EquatableArray<ErrorCodeModel> codes)
        {
            var names = new List<string>();
            var used = new HashSet<string> { "Unknown" };
            foreach (ErrorCodeModel code in codes)
            {
                var text = new System.Text.StringBuilder();
                foreach (char c in code.Code)
                {
                    text.Append(char.IsLetterOrDigit(c) ? c : '_');
                }

                string name = text.Length == 0 || char.IsDigit(text[0]) ? "_" + text : text.ToString();
                string unique = name;
                for (int n = 2; !used.Add(unique); n++)
                {
                    unique = name + n.ToString(CultureInfo.InvariantCulture);
                }

                names.Add(unique);
            }

            return names;
        }
    }
}
