using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;

namespace Emr.Codegen.Generator.Emit
{
    /// <summary>Emits the class of one spec object: properties, JSON, form encoding and validation.</summary>
    internal static partial class ObjectEmitter
    {
        /// <summary>Required members of input objects are C# <c>required</c> and not nullable; all else is nullable.</summary>
        public static bool IsRequired(MemberModel member, ObjectModel owner) => owner.IsRequiredInput(member);

        public static bool IsNullable(MemberModel member, ObjectModel owner) => !IsRequired(member, owner);

        public static string Emit(ObjectFileModel file)
        {
            ObjectModel obj = file.Object;
            string ns = file.Namespace;
            string self = Types.Global(ns, obj.Name);
            var w = new CodeWriter();
            Types.Header(w, ns);
            DocRenderer.WriteSummary(w, obj.Document);
            w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Emr.Codegen\", \"" + Types.ToolVersion + "\")]");
            w.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + self + ".EmrJsonConverter))]");
            w.Line("[global::" + ns + "." + GeneratedNames.SpecMetadataAttribute + "(" + FragmentConstant + ")]");
            w.Open("public sealed partial class " + obj.Name + " : " + RuleEngineEmitter.Namespace(ns) + ".IRuleSubject");
            w.Line("/// <summary>Creates an empty instance; required members are set by an object initializer.</summary>");
            w.Open("public " + obj.Name + "()").Close();
            w.Line();
            w.Line("/// <summary>Creates an instance for readers (JSON, form); missing required members are reported by <see cref=\"Validate\"/>.</summary>");
            w.Line("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
            w.Line("#pragma warning disable CS8618 // A reader may leave a required member unset; Validate reports it.");
            w.Open("private " + obj.Name + "(bool unset)").Close();
            w.Line("#pragma warning restore CS8618");
            w.Line();
            w.Line("internal static " + self + " CreateUnset() => new " + self + "(true);");

            foreach (MemberModel member in obj.Members)
            {
                w.Line();
                string remarks = Remarks(member, file);
                DocRenderer.WriteSummary(w, member.Document, remarks.Length > 0 ? remarks : null);
                if (member.Disabled)
                {
                    w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
                }

                w.Line("public " + (IsRequired(member, obj) ? "required " : string.Empty) + PropertyType(ns, member, obj) + " " + GeneratedNames.PropertyName(member, obj) + " { get; set; }");
            }

            if (obj.Role == ObjectRole.Response && obj.FindMember("Error") is null)
            {
                w.Line();
                w.Line("/// <summary>The error the server returned instead of a result, if any (<c>Response.Error</c>).</summary>");
                w.Line("public global::" + ns + ".ApiError? Error { get; set; }");
            }

            EmitJsonMembers(w, file, self);
            EmitFormMembers(w, file, self);
            EmitValidation(w, file, self);
            EmitToString(w, obj);
            EmitConverter(w, file, self);
            w.Close();
            w.Close();
            return w.ToString();
        }

        private static string Remarks(MemberModel member, ObjectFileModel file)
        {
            var parts = new List<string>();
            if (member.Required && file.Object.HasRequiredInputs)
            {
                parts.Add("Required.");
            }

            EnumModel? enumModel = file.Enums.FirstOrDefault(e => e.Name == member.Enum);
            if (enumModel != null)
            {
                parts.Add("Values: " + string.Join(", ", enumModel.Values.Select(v => v.Value + " (" + v.Name + ")")) + ".");
            }

            if (member.Constraints is ConstraintsModel c)
            {
                foreach (string? requirement in new[] { SpecMessages.LengthRequirement(c), SpecMessages.PatternRequirement(c), SpecMessages.RangeRequirement(c), SpecMessages.ItemCountRequirement(c), SpecMessages.AllowedRequirement(c) })
                {
                    if (requirement != null)
                    {
                        parts.Add("It " + requirement + ".");
                    }
                }

                if (c.Sensitive)
                {
                    parts.Add("Sensitive: left out of ToString().");
                }
            }

            if (member.Example != null && !member.IsSensitive)
            {
                parts.Add("Example: " + member.Example);
            }

            return string.Join(" ", parts);
        }

        public static string ItemType(string ns, MemberModel member) => member.Enum != null
            ? Types.Global(ns, member.Enum)
            : member.Kind switch
            {
                ValueKind.String => "string",
                ValueKind.Integer => "long",
                ValueKind.UnsignedInteger => "ulong",
                ValueKind.Float => "double",
                ValueKind.Boolean => "bool",
                _ => Types.Global(ns, member.ElementType),
            };

        private static string PropertyType(string ns, MemberModel member, ObjectModel owner)
        {
            string type = member.IsList ? "global::System.Collections.Generic.List<" + ItemType(ns, member) + ">" : ItemType(ns, member);
            return IsNullable(member, owner) ? type + "?" : type;
        }

        // ---- JSON ----
        private static void EmitJsonMembers(CodeWriter w, ObjectFileModel file, string self)
        {
            w.Line();
            w.Line("/// <summary>The JSON body of this object, names and values exactly as the API takes them; unset members are left out.</summary>");
            w.Line("public string ToJson() => global::" + file.Namespace + ".ApiJson.Write(this, EmrJsonConverter.WriteValue);");
            w.Line();
            w.Line("/// <summary>Reads this object from JSON. Numbers written as strings are accepted; unknown members are skipped.</summary>");
            w.Line("public static " + self + " FromJson(string json) => global::" + file.Namespace + ".ApiJson.Read(json, EmrJsonConverter.ReadValue);");
            if (file.Object.Role == ObjectRole.Response)
            {
                w.Line();
                w.Line("/// <summary>Reads the API's envelope <c>{\"Response\": {...}}</c>, the error form included.</summary>");
                w.Line("public static " + self + " ParseEnvelope(string json) => global::" + file.Namespace + ".ApiJson.ReadEnvelope(json, EmrJsonConverter.ReadValue);");
            }
        }

        private static void EmitConverter(CodeWriter w, ObjectFileModel file, string self)
        {
            string ns = file.Namespace;
            ObjectModel obj = file.Object;
            w.Line();
            w.Line("/// <summary>Reads and writes the API's JSON without reflection, so trimming and AOT keep working.</summary>");
            w.Open("internal sealed class EmrJsonConverter : global::System.Text.Json.Serialization.JsonConverter<" + self + ">");
            w.Line("public override " + self + " Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) => ReadValue(ref reader);");
            w.Line();
            w.Line("public override void Write(global::System.Text.Json.Utf8JsonWriter writer, " + self + " value, global::System.Text.Json.JsonSerializerOptions options) => WriteValue(writer, value);");
            w.Line();
            w.Open("internal static " + self + " ReadValue(ref global::System.Text.Json.Utf8JsonReader reader)");
            w.Line("global::" + ns + ".ApiJson.Expect(ref reader, global::System.Text.Json.JsonTokenType.StartObject, " + CSharpNames.StringLiteral(obj.Name) + ");");
            w.Line("var result = " + self + ".CreateUnset();");
            w.Open("while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)");
            w.Line("string name = reader.GetString()!;");
            w.Line("reader.Read();");
            w.Open("switch (name)");
            foreach (MemberModel member in obj.Members)
            {
                w.Line("case " + CSharpNames.StringLiteral(member.Name) + ":");
                w.Line("    result." + GeneratedNames.PropertyName(member, obj) + " = " + ReadExpression(ns, member, obj) + ";");
                w.Line("    break;");
            }

            if (obj.Role == ObjectRole.Response && obj.FindMember("Error") is null)
            {
                w.Line("case \"Error\":");
                w.Line("    result.Error = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : global::" + ns + ".ApiError.ReadValue(ref reader);");
                w.Line("    break;");
            }

            w.Line("default:");
            w.Line("    reader.Skip();");
            w.Line("    break;");
            w.Close();
            w.Close();
            w.Line("global::" + ns + ".ApiJson.Expect(ref reader, global::System.Text.Json.JsonTokenType.EndObject, " + CSharpNames.StringLiteral(obj.Name) + ");");
            w.Line("return result;");
            w.Close();
            w.Line();
            w.Open("internal static void WriteValue(global::System.Text.Json.Utf8JsonWriter writer, " + self + " value)");
            w.Line("writer.WriteStartObject();");
            int index = 0;
            foreach (MemberModel member in obj.Members)
            {
                string property = "value." + GeneratedNames.PropertyName(member, obj);
                string local = "v" + index.ToString(CultureInfo.InvariantCulture);
                index++;
                bool valueTypeRequired = !IsNullable(member, obj) && !member.IsList && IsValueType(member);
                if (valueTypeRequired)
                {
                    w.Line("writer.WritePropertyName(" + CSharpNames.StringLiteral(member.Name) + ");");
                    w.Line(WriteItemStatement(ns, member, property));
                    continue;
                }

                w.Open("if (" + property + " is { } " + local + ")");
                w.Line("writer.WritePropertyName(" + CSharpNames.StringLiteral(member.Name) + ");");
                if (member.IsList)
                {
                    w.Line("writer.WriteStartArray();");
                    w.Open("foreach (var item in " + local + ")");
                    w.Line(WriteItemStatement(ns, member, "item"));
                    w.Close();
                    w.Line("writer.WriteEndArray();");
                }
                else
                {
                    w.Line(WriteItemStatement(ns, member, local));
                }

                w.Close();
            }

            if (obj.Role == ObjectRole.Response && obj.FindMember("Error") is null)
            {
                w.Open("if (value.Error is { } error)");
                w.Line("writer.WritePropertyName(\"Error\");");
                w.Line("global::" + ns + ".ApiError.WriteValue(writer, error);");
                w.Close();
            }

            w.Line("writer.WriteEndObject();");
            w.Close();
            w.Close();
        }

        internal static bool IsValueType(MemberModel member) => member.Enum != null || member.Kind != ValueKind.String && member.Kind != ValueKind.Object;

        private static string ReadItemExpression(string ns, MemberModel member, string reader) => member.Enum != null
            ? Types.Global(ns, member.Enum) + ".ReadJson(ref " + reader + ")"
            : member.Kind switch
            {
                ValueKind.String => "global::" + ns + ".ApiJson.ReadString(ref " + reader + ")",
                ValueKind.Integer => "global::" + ns + ".ApiJson.ReadInt64(ref " + reader + ")",
                ValueKind.UnsignedInteger => "global::" + ns + ".ApiJson.ReadUInt64(ref " + reader + ")",
                ValueKind.Float => "global::" + ns + ".ApiJson.ReadDouble(ref " + reader + ")",
                ValueKind.Boolean => "global::" + ns + ".ApiJson.ReadBoolean(ref " + reader + ")",
                _ => Types.Global(ns, member.ElementType) + ".EmrJsonConverter.ReadValue(ref " + reader + ")",
            };

        private static string ReadExpression(string ns, MemberModel member, ObjectModel owner)
        {
            string nullCheck = "reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? " + (IsNullable(member, owner) ? "(" + PropertyType(ns, member, owner) + ")null" : "default!") + " : ";
            if (member.IsList)
            {
                return nullCheck + "global::" + ns + ".ApiJson.ReadList(ref reader, static (ref global::System.Text.Json.Utf8JsonReader r) => " + ReadItemExpression(ns, member, "r") + ")";
            }

            return nullCheck + ReadItemExpression(ns, member, "reader");
        }

        private static string WriteItemStatement(string ns, MemberModel member, string value) => member.Enum != null
            ? value + ".WriteJson(writer);"
            : member.Kind switch
            {
                ValueKind.String => "writer.WriteStringValue(" + value + ");",
                ValueKind.Boolean => "writer.WriteBooleanValue(" + value + ");",
                ValueKind.Object => Types.Global(ns, member.ElementType) + ".EmrJsonConverter.WriteValue(writer, " + value + ");",
                _ => "writer.WriteNumberValue(" + value + ");",
            };

        // ---- Form parameters ----
        private static void EmitFormMembers(CodeWriter w, ObjectFileModel file, string self)
        {
            string ns = file.Namespace;
            ObjectModel obj = file.Object;
            string form = "global::" + ns + ".ApiFormEncoding";
            string pairs = "global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>";
            w.Line();
            w.Line("/// <summary>The API's flat form parameters: <c>Software.0=hive</c>, <c>VPCSettings.VpcId=...</c>, <c>Tags.0.TagKey=...</c>.</summary>");
            w.Open("public global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.KeyValuePair<string, string>> ToFormParameters()");
            w.Line("var pairs = new " + pairs + "();");
            w.Line("WriteForm(pairs, string.Empty);");
            w.Line("return pairs;");
            w.Close();
            w.Line();
            w.Line("/// <summary>The form parameters joined as <c>Name=Value&amp;...</c>, names and values percent-encoded.</summary>");
            w.Line("public string ToFormString() => " + form + ".Join(ToFormParameters());");
            w.Line();
            w.Line("/// <summary>Reads an object from form parameters; names it does not know are ignored.</summary>");
            w.Line("public static " + self + " FromFormParameters(global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, string>> parameters) => ReadForm(new " + form + ".Values(parameters), string.Empty);");
            w.Line();
            w.Line("/// <summary>Reads <c>&amp;Name=Value</c> text (percent-encoded or not); segments without '=' are skipped.</summary>");
            w.Line("public static " + self + " ParseForm(string text) => FromFormParameters(" + form + ".Split(text));");
            w.Line();
            w.Open("internal void WriteForm(" + pairs + " pairs, string prefix)");
            int index = 0;
            foreach (MemberModel member in obj.Members)
            {
                string property = "this." + GeneratedNames.PropertyName(member, obj);
                string name = "prefix + " + CSharpNames.StringLiteral(member.Name);
                string local = "v" + index.ToString(CultureInfo.InvariantCulture);
                index++;
                if (!member.IsList && !IsNullable(member, obj) && IsValueType(member))
                {
                    w.Line(FormWriteStatement(member, name, property));
                    continue;
                }

                w.Open("if (" + property + " is { } " + local + ")");
                if (member.IsList)
                {
                    w.Open("for (int i = 0; i < " + local + ".Count; i++)");
                    w.Line(FormWriteStatement(member, name + " + \".\" + " + form + ".Index(i)", local + "[i]"));
                    w.Close();
                }
                else
                {
                    w.Line(FormWriteStatement(member, name, local));
                }

                w.Close();
            }

            w.Close();
            w.Line();
            w.Open("internal static " + self + " ReadForm(" + form + ".Values values, string prefix)");
            w.Line("var result = CreateUnset();");
            foreach (MemberModel member in obj.Members)
            {
                string name = "prefix + " + CSharpNames.StringLiteral(member.Name);
                string target = "result." + GeneratedNames.PropertyName(member, obj);
                if (member.IsList)
                {
                    string item = member.Kind == ValueKind.Object
                        ? Types.Global(ns, member.ElementType) + ".ReadForm(v, p + \".\")"
                        : FormParse(ns, member, "v.Get(p)", "p");
                    w.Line("if (values.HasList(" + name + ")) " + target + " = values.ReadList(" + name + ", static (v, p) => " + item + ");");
                }
                else if (member.Kind == ValueKind.Object)
                {
                    w.Line("if (values.HasObject(" + name + ")) " + target + " = " + Types.Global(ns, member.ElementType) + ".ReadForm(values, " + name + " + \".\");");
                }
                else
                {
                    w.Line("if (values.TryGet(" + name + ", out string? raw" + member.Name + ")) " + target + " = " + FormParse(ns, member, "raw" + member.Name, name) + ";");
                }
            }

            w.Line("return result;");
            w.Close();
        }

        private static string FormWriteStatement(MemberModel member, string name, string value) => member.Kind == ValueKind.Object
            ? value + ".WriteForm(pairs, " + name + " + \".\");"
            : "pairs.Add(new global::System.Collections.Generic.KeyValuePair<string, string>(" + name + ", " + FormFormat(member, value) + "));";

        private static string FormFormat(MemberModel member, string value)
        {
            if (member.Enum != null)
            {
                return value + ".ToString()";
            }

            return member.Kind switch
            {
                ValueKind.String => value,
                ValueKind.Boolean => "(" + value + " ? \"true\" : \"false\")",
                ValueKind.Float => value + ".ToString(\"R\", global::System.Globalization.CultureInfo.InvariantCulture)",
                _ => value + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
            };
        }

        private static string FormParse(string ns, MemberModel member, string raw, string name)
        {
            string form = "global::" + ns + ".ApiFormEncoding";
            if (member.Enum != null)
            {
                return Types.Global(ns, member.Enum) + ".Parse(" + raw + ")";
            }

            return member.Kind switch
            {
                ValueKind.String => raw,
                ValueKind.Integer => form + ".ParseInt64(" + raw + ", " + name + ")",
                ValueKind.UnsignedInteger => form + ".ParseUInt64(" + raw + ", " + name + ")",
                ValueKind.Float => form + ".ParseDouble(" + raw + ", " + name + ")",
                _ => form + ".ParseBoolean(" + raw + ", " + name + ")",
            };
        }

        // ---- ToString ----
        private static void EmitToString(CodeWriter w, ObjectModel obj)
        {
            w.Line();
            w.Line("/// <summary>The set members as <c>Name = value</c>; members marked sensitive in the spec are masked.</summary>");
            w.Open("public override string ToString()");
            w.Line("var text = new global::System.Text.StringBuilder(" + CSharpNames.StringLiteral(obj.Name + " {") + ");");
            if (obj.Members.Count > 0)
            {
                w.Line("bool first = true;");
            }

            foreach (MemberModel member in obj.Members)
            {
                string property = "this." + GeneratedNames.PropertyName(member, obj);
                string shown = member.IsSensitive ? "\"***\"" : property + (member.IsList ? ".Count + \" items\"" : ".ToString()");
                bool alwaysSet = !member.IsList && !IsNullable(member, obj) && IsValueType(member);
                w.Line((alwaysSet ? string.Empty : "if (" + property + " is not null) ") + "{ text.Append(first ? \" \" : \", \").Append(" + CSharpNames.StringLiteral(member.Name + " = ") + ").Append(" + (member.Kind == ValueKind.String && !member.IsList && member.Enum == null && !member.IsSensitive ? "'\"' + " + property + " + '\"'" : shown) + "); first = false; }");
            }

            w.Line("return text.Append(\" }\").ToString();");
            w.Close();
        }
    }
}
