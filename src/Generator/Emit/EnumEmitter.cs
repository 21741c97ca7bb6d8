using System.Globalization;
using System.Linq;
using Emr.Codegen.Runtime.Rules;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;

namespace Emr.Codegen.Generator.Emit
{
    /// <summary>
    /// Emits an enumeration as a struct over its raw value: the documented literal converts to it
    /// (<c>PayMode = 0</c>, <c>TimeUnit = "m"</c>), named members document each value, and a value
    /// the spec does not know is kept as it is, so a newer API value is never lost. Its values, names and
    /// descriptions are data read by shared code (<c>ApiEnum</c>), which is also its JSON and form codec.
    /// </summary>
    internal static class EnumEmitter
    {
        public static string Emit(EnumFileModel file)
        {
            EnumModel model = file.Enum;
            string ns = file.Namespace;
            string self = Types.Global(ns, model.Name);
            bool isString = model.Kind == ValueKind.String;
            string raw = isString ? "string" : "long";
            var w = new CodeWriter();
            Types.Header(w, ns);
            DocRenderer.WriteSummary(w, model.Document, "Values: " + string.Join(", ", model.Values.Select(v => v.Value + " (" + v.Name + ")")) + ". Any other value converts too and is kept as it is; IsDefined tells whether the spec knows it.");
            w.Line(Types.GeneratedCodeAttribute);
            w.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + Types.Runtime + "ApiJsonConverter<" + self + ">))]");
            w.Open(file.Visibility + " readonly partial struct " + model.Name + " : global::System.IEquatable<" + self + ">, " + Types.Runtime + "IApiValue<" + self + ">");
            w.Line("private static readonly " + Types.Runtime + "ApiEnum<" + self + ", " + raw + "> " + GeneratedNames.TypeDataField + " = new(" + Types.Runtime + "ApiCodecs." + (isString ? "String" : "Int64") + ", static value => new " + self + "(value), static value => value.Value,");
            w.Line("    new " + raw + "[] { " + string.Join(", ", model.Values.Select(v => RawLiteral(v.Value, isString))) + " },");
            w.Line("    new string[] { " + string.Join(", ", model.Values.Select(v => CSharpNames.StringLiteral(v.Name))) + " },");
            w.Line("    new string[] { " + string.Join(", ", model.Values.Select(v => CSharpNames.StringLiteral(v.Document))) + " });");
            w.Line();
            if (isString)
            {
                w.Line("private readonly string? _value;");
                w.Line();
                w.Line("/// <summary>Wraps a raw value, known to the spec or not.</summary>");
                w.Line("public " + model.Name + "(string value) => _value = value;");
                w.Line();
                w.Line("/// <summary>The raw value as the API writes it.</summary>");
                w.Line("public string Value => _value ?? string.Empty;");
            }
            else
            {
                w.Line("/// <summary>Wraps a raw value, known to the spec or not.</summary>");
                w.Line("public " + model.Name + "(long value) => Value = value;");
                w.Line();
                w.Line("/// <summary>The raw value as the API writes it.</summary>");
                w.Line("public long Value { get; }");
            }

            foreach (EnumValueModel value in model.Values)
            {
                w.Line();
                DocRenderer.WriteSummary(w, value.Document.Length > 0 ? value.Document : value.Name, "Value: " + value.Value + ".");
                w.Line("public static " + self + " " + value.Name + " => new " + self + "(" + RawLiteral(value.Value, isString) + ");");
            }

            w.Line();
            w.Line("/// <summary>Whether the spec names this value.</summary>");
            w.Line("public bool IsDefined => Name is not null;");
            w.Line();
            w.Line("/// <summary>The spec's name of this value, or null for a value the spec does not know.</summary>");
            w.Line("public string? Name => " + GeneratedNames.TypeDataField + ".NameOf(Value);");
            w.Line();
            w.Line("/// <summary>The spec's description of this value, or null for a value the spec does not know.</summary>");
            w.Line("public string? Description => " + GeneratedNames.TypeDataField + ".DescriptionOf(Value);");
            w.Line();
            w.Line("/// <summary>Every value the spec names.</summary>");
            w.Line("public static global::System.Collections.Generic.IReadOnlyList<" + self + "> KnownValues => " + GeneratedNames.TypeDataField + ".Known;");
            w.Line();
            w.Line("/// <summary>Converts the raw value as the docs write it.</summary>");
            w.Line("public static implicit operator " + self + "(" + raw + " value) => new " + self + "(value);");
            w.Line();
            w.Line("/// <summary>The raw value.</summary>");
            w.Line("public static explicit operator " + raw + "(" + self + " value) => value.Value;");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public bool Equals(" + self + " other) => " + (isString ? "string.Equals(Value, other.Value, global::System.StringComparison.Ordinal)" : "Value == other.Value") + ";");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public override bool Equals(object? obj) => obj is " + self + " other && Equals(other);");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line("public override int GetHashCode() => Value.GetHashCode();");
            w.Line();
            w.Line("/// <summary>The raw value as the API writes it.</summary>");
            w.Line("public override string ToString() => " + (isString ? "Value" : "Value.ToString(global::System.Globalization.CultureInfo.InvariantCulture)") + ";");
            w.Line();
            w.Line("/// <summary>Compares raw values.</summary>");
            w.Line("public static bool operator ==(" + self + " left, " + self + " right) => left.Equals(right);");
            w.Line();
            w.Line("/// <summary>Compares raw values.</summary>");
            w.Line("public static bool operator !=(" + self + " left, " + self + " right) => !left.Equals(right);");
            w.Line();
            w.Line("static " + Types.Runtime + "ApiCodec<" + self + "> " + Types.Runtime + "IApiValue<" + self + ">.EmrCodec => " + GeneratedNames.TypeDataField + ";");
            w.Close();
            return w.ToString();
        }

        private static string RawLiteral(SpecValue value, bool isString) =>
            isString ? CSharpNames.StringLiteral(value.Text) : decimal.ToInt64(value.ToNumber()).ToString(CultureInfo.InvariantCulture) + "L";
    }
}
