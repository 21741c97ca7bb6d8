using System.Collections.Generic;
using System.Globalization;
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
            var names = MemberNames(file.ErrorCodes);
            var w = new CodeWriter();
            Types.Header(w, ns);
            w.Line("/// <summary>The error codes the spec lists, one member each.</summary>");
            w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Emr.Codegen\", \"" + Types.ToolVersion + "\")]");
            w.Open("public enum ApiErrorCodeKind");
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
            w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Emr.Codegen\", \"" + Types.ToolVersion + "\")]");
            w.Open("public readonly struct ApiErrorCode : global::System.IEquatable<global::" + ns + ".ApiErrorCode>");
            w.Line("private readonly string? _code;");
            w.Line();
            w.Line("/// <summary>Wraps a code string as the server sent it.</summary>");
            w.Line("public ApiErrorCode(string code) => _code = code;");
            w.Line();
            w.Line("/// <summary>The code as the server writes it.</summary>");
            w.Line("public string Code => _code ?? string.Empty;");
            w.Line();
            w.Line("/// <summary>Which listed code this is, or Unknown.</summary>");
            w.Open("public global::" + ns + ".ApiErrorCodeKind Kind => Code switch");
            for (int i = 0; i < file.ErrorCodes.Count; i++)
            {
                w.Line(CSharpNames.StringLiteral(file.ErrorCodes[i].Code) + " => global::" + ns + ".ApiErrorCodeKind." + names[i] + ",");
            }

            w.Line("_ => global::" + ns + ".ApiErrorCodeKind.Unknown,");
            w.Close(";");
            w.Line();
            w.Line("/// <summary>Whether the spec lists this code.</summary>");
            w.Line("public bool IsKnown => Kind != global::" + ns + ".ApiErrorCodeKind.Unknown;");
            w.Line();
            w.Line("/// <summary>The part before the first dot: <c>InvalidParameter</c>, <c>InternalError</c>, ...</summary>");
            w.Line("public string Category => Code.IndexOf('.') is int dot && dot >= 0 ? Code.Substring(0, dot) : Code;");
            w.Line();
            w.Line("/// <summary>The spec's description, or null for an unknown code.</summary>");
            w.Open("public string? Description => Kind switch");
            for (int i = 0; i < file.ErrorCodes.Count; i++)
            {
                w.Line("global::" + ns + ".ApiErrorCodeKind." + names[i] + " => " + CSharpNames.StringLiteral(file.ErrorCodes[i].Description) + ",");
            }

            w.Line("_ => null,");
            w.Close(";");
            w.Line();
            w.Line("/// <summary>The code string of a listed code; Unknown has none.</summary>");
            w.Open("public static global::" + ns + ".ApiErrorCode FromKind(global::" + ns + ".ApiErrorCodeKind kind) => new global::" + ns + ".ApiErrorCode(kind switch");
            for (int i = 0; i < file.ErrorCodes.Count; i++)
            {
                w.Line("global::" + ns + ".ApiErrorCodeKind." + names[i] + " => " + CSharpNames.StringLiteral(file.ErrorCodes[i].Code) + ",");
            }

            w.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(kind), kind, \"Not a listed error code.\"),");
            w.Close(");");
            w.Line();
            w.Line("/// <summary>Every code the spec lists.</summary>");
            w.Line("public static global::System.Collections.Generic.IReadOnlyList<global::" + ns + ".ApiErrorCode> All { get; } = new global::" + ns + ".ApiErrorCode[] { " + string.Join(", ", System.Linq.Enumerable.Select(file.ErrorCodes, c => "new global::" + ns + ".ApiErrorCode(" + CSharpNames.StringLiteral(c.Code) + ")")) + " };");
            w.Line();
            w.Line("/// <summary>Converts a code string.</summary>");
            w.Line("public static implicit operator global::" + ns + ".ApiErrorCode(string code) => new global::" + ns + ".ApiErrorCode(code);");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public bool Equals(global::" + ns + ".ApiErrorCode other) => string.Equals(Code, other.Code, global::System.StringComparison.Ordinal);");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public override bool Equals(object? obj) => obj is global::" + ns + ".ApiErrorCode other && Equals(other);");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public override int GetHashCode() => Code.GetHashCode();");
            w.Line();
            w.Line("/// <summary>The code string.</summary>");
            w.Line("public override string ToString() => Code;");
            w.Line();
            w.Line("/// <summary>Compares code strings.</summary>");
            w.Line("public static bool operator ==(global::" + ns + ".ApiErrorCode left, global::" + ns + ".ApiErrorCode right) => left.Equals(right);");
            w.Line();
            w.Line("/// <summary>Compares code strings.</summary>");
            w.Line("public static bool operator !=(global::" + ns + ".ApiErrorCode left, global::" + ns + ".ApiErrorCode right) => !left.Equals(right);");
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
