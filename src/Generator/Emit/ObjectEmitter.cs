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

        /// <summary>A required member of value type keeps its value in a nullable field, so "not set" is not read as 0.</summary>
        internal static bool HasBackingField(MemberModel member, ObjectModel owner) => IsRequired(member, owner) && !member.IsList && IsValueType(member);

        /// <summary>A C# bool expression over <c>this</c>, true when the member holds a value (set, or found by a reader).</summary>
        internal static string IsSetExpression(MemberModel member, ObjectModel owner) => IsSetExpression(member, owner, "this");

        /// <summary>
        /// A C# expression of the member's value, non-nullable for value types (and reference types asserted non-null);
        /// valid only where <see cref="IsSetExpression(MemberModel, ObjectModel)"/> is true.
        /// </summary>
        internal static string SetValueExpression(MemberModel member, ObjectModel owner) => SetValueExpression(member, owner, "this");

        private static string IsSetExpression(MemberModel member, ObjectModel owner, string receiver) => HasBackingField(member, owner)
            ? receiver + "." + BackingField(member, owner) + ".HasValue"
            : "(" + receiver + "." + GeneratedNames.PropertyName(member, owner) + " is not null)";

        /// <summary><see cref="IsSetExpression(MemberModel, ObjectModel)"/> as the whole condition of an <c>if</c>.</summary>
        private static string IsSetCondition(MemberModel member, ObjectModel owner, string receiver)
        {
            string expression = IsSetExpression(member, owner, receiver);
            return expression[0] == '(' ? expression.Substring(1, expression.Length - 2) : expression;
        }

        private static string SetValueExpression(MemberModel member, ObjectModel owner, string receiver)
        {
            if (HasBackingField(member, owner))
            {
                return receiver + "." + BackingField(member, owner) + ".GetValueOrDefault()";
            }

            string property = receiver + "." + GeneratedNames.PropertyName(member, owner);
            if (!IsNullable(member, owner))
            {
                return property;
            }

            return !member.IsList && IsValueType(member) ? property + ".GetValueOrDefault()" : property + "!";
        }

        /// <summary>The field behind a member with <see cref="HasBackingField"/>: '_' and the property name, apart from every property.</summary>
        private static string BackingField(MemberModel member, ObjectModel owner)
        {
            string property = GeneratedNames.PropertyName(member, owner).TrimStart('@');
            string name = "_" + char.ToLowerInvariant(property[0]) + property.Substring(1);
            var taken = new HashSet<string>(owner.Members.Select(m => GeneratedNames.PropertyName(m, owner).TrimStart('@')));
            while (taken.Contains(name))
            {
                name += "_";
            }

            return name;
        }

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
                bool backed = HasBackingField(member, obj);
                string field = backed ? BackingField(member, obj) : string.Empty;
                if (backed)
                {
                    // Null until set: a value type has no other way to say a reader did not find it.
                    w.Line("private " + ItemType(ns, member) + "? " + field + ";");
                    w.Line();
                }

                string remarks = Remarks(member, file);
                DocRenderer.WriteSummary(w, member.Document, remarks.Length > 0 ? remarks : null);
                if (member.Disabled)
                {
                    w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
                }

                string accessors = backed ? "{ get => this." + field + ".GetValueOrDefault(); set => this." + field + " = value; }" : "{ get; set; }";
                w.Line("public " + (IsRequired(member, obj) ? "required " : string.Empty) + PropertyType(ns, member, obj) + " " + GeneratedNames.PropertyName(member, obj) + " " + accessors);
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

            if (HasBackingField(member, file.Object))
            {
                parts.Add("Until it is set (a reader did not find it), it reads as the type's default, is left out of ToJson() and ToFormString(), and Validate() reports it missing.");
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
            string name = CSharpNames.StringLiteral(file.Object.Name);
            w.Line();
            w.Line("/// <summary>The JSON body of this object, names and values exactly as the API takes them; unset members are left out.</summary>");
            w.Line("public string ToJson() => global::" + file.Namespace + ".ApiJson.Write(this, EmrJsonConverter.WriteValue);");
            w.Line();
            w.Line("/// <summary>Reads this object from JSON. Numbers written as strings are accepted; unknown members are skipped; members not found stay unset.</summary>");
            w.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The text is not one JSON object of this type: the message names the member path.</exception>");
            w.Line("public static " + self + " FromJson(string json) => global::" + file.Namespace + ".ApiJson.Read(json, " + name + ", EmrJsonConverter.ReadValue);");
            if (file.Object.Role == ObjectRole.Response)
            {
                w.Line();
                w.Line("/// <summary>Reads the API's envelope <c>{\"Response\": {...}}</c>, the error form included.</summary>");
                w.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The text is not such an envelope: the message names the member path.</exception>");
                w.Line("public static " + self + " ParseEnvelope(string json) => global::" + file.Namespace + ".ApiJson.ReadEnvelope(json, EmrJsonConverter.ReadValue);");
            }
        }

        private static void EmitConverter(CodeWriter w, ObjectFileModel file, string self)
        {
            string ns = file.Namespace;
            ObjectModel obj = file.Object;
            string json = "global::" + ns + ".ApiJson";
            string typeName = CSharpNames.StringLiteral(obj.Name);
            bool hasError = obj.Role == ObjectRole.Response && obj.FindMember("Error") is null;
            int memberCount = obj.Members.Count + (hasError ? 1 : 0);
            w.Line();
            w.Line("/// <summary>Reads and writes the API's JSON without reflection, so trimming and AOT keep working.</summary>");
            w.Open("internal sealed class EmrJsonConverter : global::System.Text.Json.Serialization.JsonConverter<" + self + ">");
            w.Line("public override " + self + " Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) => ReadValue(ref reader, string.Empty);");
            w.Line();
            w.Line("public override void Write(global::System.Text.Json.Utf8JsonWriter writer, " + self + " value, global::System.Text.Json.JsonSerializerOptions options) => WriteValue(writer, value);");
            w.Line();
            w.Line("/// <summary>Reads the object at the reader; <paramref name=\"prefix\"/> is its member path and a dot (empty at the top), for faults.</summary>");
            w.Open("internal static " + self + " ReadValue(ref global::System.Text.Json.Utf8JsonReader reader, string prefix)");
            w.Line(json + ".StartObject(ref reader, prefix, " + typeName + ");");
            w.Line("var result = " + self + ".CreateUnset();");
            if (memberCount > 0)
            {
                w.Line("var seen = new bool[" + memberCount.ToString(CultureInfo.InvariantCulture) + "];");
            }

            w.Line("string? member = null;");
            w.Open("try");
            w.Open("while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)");
            w.Line("member = reader.GetString()!;");
            w.Line("reader.Read();");
            w.Open("switch (member)");
            int index = 0;
            foreach (MemberModel member in obj.Members)
            {
                string name = CSharpNames.StringLiteral(member.Name);
                string target = HasBackingField(member, obj) ? BackingField(member, obj) : GeneratedNames.PropertyName(member, obj);
                w.Line("case " + name + ":");
                w.Line("    " + json + ".FirstTime(ref seen[" + index.ToString(CultureInfo.InvariantCulture) + "], prefix, " + name + ");");
                w.Line("    result." + target + " = " + ReadExpression(file, member) + ";");
                w.Line("    break;");
                index++;
            }

            if (hasError)
            {
                w.Line("case \"Error\":");
                w.Line("    " + json + ".FirstTime(ref seen[" + index.ToString(CultureInfo.InvariantCulture) + "], prefix, \"Error\");");
                w.Line("    result.Error = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : global::" + ns + ".ApiError.ReadValue(ref reader, prefix + \"Error.\");");
                w.Line("    break;");
            }

            w.Line("default:");
            w.Line("    reader.Skip();");
            w.Line("    break;");
            w.Close();
            w.Line();
            w.Line("// A fault between members belongs to the object, not to the member read last.");
            w.Line("member = null;");
            w.Close();
            w.Close();
            w.Open("catch (global::System.Text.Json.JsonException exception) when (" + json + ".IsSyntaxError(exception))");
            w.Line("throw " + json + ".Malformed(exception, prefix, member, " + typeName + ");");
            w.Close();
            w.Line();
            w.Line("return result;");
            w.Close();
            w.Line();
            w.Open("internal static void WriteValue(global::System.Text.Json.Utf8JsonWriter writer, " + self + " value)");
            w.Line("writer.WriteStartObject();");
            foreach (MemberModel member in obj.Members)
            {
                string setValue = SetValueExpression(member, obj, "value");
                w.Open("if (" + IsSetCondition(member, obj, "value") + ")");
                w.Line("writer.WritePropertyName(" + CSharpNames.StringLiteral(member.Name) + ");");
                if (member.IsList)
                {
                    w.Line("writer.WriteStartArray();");
                    w.Open("foreach (var item in " + setValue + ")");
                    w.Line(WriteItemStatement(ns, member, "item"));
                    w.Close();
                    w.Line("writer.WriteEndArray();");
                }
                else
                {
                    w.Line(WriteItemStatement(ns, member, setValue));
                }

                w.Close();
            }

            if (hasError)
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

        /// <summary>
        /// Reads one value (a member, or an item of a list) whose path is <paramref name="prefix"/> + <paramref name="name"/>;
        /// an object's members are at <paramref name="nestedPrefix"/>, that path and a dot.
        /// </summary>
        private static string ReadItemExpression(ObjectFileModel file, MemberModel member, string reader, string prefix, string name, string nestedPrefix)
        {
            string ns = file.Namespace;
            string json = "global::" + ns + ".ApiJson";
            string at = "(ref " + reader + ", " + prefix + ", " + name + ")";
            if (member.Enum != null)
            {
                // Read as the raw type here, not through the enumeration's own reader, so a fault names the member.
                EnumModel? enumModel = file.Enums.FirstOrDefault(e => e.Name == member.Enum);
                return enumModel is null
                    ? Types.Global(ns, member.Enum) + ".ReadJson(ref " + reader + ")"
                    : "new " + Types.Global(ns, member.Enum) + "(" + json + (enumModel.Kind == ValueKind.String ? ".ReadString" : ".ReadInt64") + at + ")";
            }

            return member.Kind switch
            {
                ValueKind.String => json + ".ReadString" + at,
                ValueKind.Integer => json + ".ReadInt64" + at,
                ValueKind.UnsignedInteger => json + ".ReadUInt64" + at,
                ValueKind.Float => json + ".ReadDouble" + at,
                ValueKind.Boolean => json + ".ReadBoolean" + at,
                _ => Types.Global(ns, member.ElementType) + ".EmrJsonConverter.ReadValue(ref " + reader + ", " + nestedPrefix + ")",
            };
        }

        private static string ReadExpression(ObjectFileModel file, MemberModel member)
        {
            string ns = file.Namespace;
            ObjectModel owner = file.Object;
            string nullValue = HasBackingField(member, owner)
                ? "(" + ItemType(ns, member) + "?)null"
                : IsNullable(member, owner) ? "(" + PropertyType(ns, member, owner) + ")null" : "default!";
            string nullCheck = "reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? " + nullValue + " : ";
            string name = CSharpNames.StringLiteral(member.Name);
            if (member.IsList)
            {
                return nullCheck + "global::" + ns + ".ApiJson.ReadList(ref reader, prefix, " + name + ", static (ref global::System.Text.Json.Utf8JsonReader r, string p, string n) => " + ReadItemExpression(file, member, "r", "p", "n", "p + n + \".\"") + ")";
            }

            return nullCheck + ReadItemExpression(file, member, "reader", "prefix", name, "prefix + " + CSharpNames.StringLiteral(member.Name + "."));
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
            foreach (MemberModel member in obj.Members)
            {
                string setValue = SetValueExpression(member, obj, "this");
                string name = "prefix + " + CSharpNames.StringLiteral(member.Name);
                w.Open("if (" + IsSetCondition(member, obj, "this") + ")");
                if (member.IsList)
                {
                    w.Line("var list = " + setValue + ";");
                    w.Open("for (int i = 0; i < list.Count; i++)");
                    w.Line(FormWriteStatement(member, name + " + \".\" + " + form + ".Index(i)", "list[i]"));
                    w.Close();
                }
                else
                {
                    w.Line(FormWriteStatement(member, name, setValue));
                }

                w.Close();
            }

            w.Close();
            w.Line();
            w.Line("/// <summary>Reads the members named <paramref name=\"prefix\"/> + member name; members not found stay unset.</summary>");
            w.Open("internal static " + self + " ReadForm(" + form + ".Values values, string prefix)");
            w.Line("var result = CreateUnset();");
            foreach (MemberModel member in obj.Members)
            {
                string name = "prefix + " + CSharpNames.StringLiteral(member.Name);
                string target = "result." + (HasBackingField(member, obj) ? BackingField(member, obj) : GeneratedNames.PropertyName(member, obj));
                if (member.IsList)
                {
                    string item = member.Kind == ValueKind.Object
                        ? Types.Global(ns, member.ElementType) + ".ReadForm(v, p + \".\")"
                        : FormParse(file, member, "v.Get(p)", "p");
                    w.Line("if (values.HasList(" + name + ")) " + target + " = values.ReadList(" + name + ", static (v, p) => " + item + ");");
                }
                else if (member.Kind == ValueKind.Object)
                {
                    w.Line("if (values.HasObject(" + name + ")) " + target + " = " + Types.Global(ns, member.ElementType) + ".ReadForm(values, " + name + " + \".\");");
                }
                else
                {
                    w.Line("if (values.TryGet(" + name + ", out string? raw" + member.Name + ")) " + target + " = " + FormParse(file, member, "raw" + member.Name, name) + ";");
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

        /// <summary>Parses a form value; a fault is a FormatException that names the member path (<paramref name="name"/>).</summary>
        private static string FormParse(ObjectFileModel file, MemberModel member, string raw, string name)
        {
            string ns = file.Namespace;
            string form = "global::" + ns + ".ApiFormEncoding";
            if (member.Enum != null)
            {
                // Parsed as the raw type here, not through the enumeration's own parser, so a fault names the member.
                EnumModel? enumModel = file.Enums.FirstOrDefault(e => e.Name == member.Enum);
                return enumModel is null
                    ? Types.Global(ns, member.Enum) + ".Parse(" + raw + ")"
                    : "new " + Types.Global(ns, member.Enum) + "(" + (enumModel.Kind == ValueKind.String ? raw : form + ".ParseInt64(" + raw + ", " + name + ")") + ")";
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
                string value = SetValueExpression(member, obj, "this");
                string shown = member.IsSensitive ? "\"***\""
                    : member.IsList ? value + ".Count + \" items\""
                    : member.Kind == ValueKind.String && member.Enum == null ? "'\"' + " + value + " + '\"'"
                    : value + ".ToString()";
                w.Line("if (" + IsSetCondition(member, obj, "this") + ") { text.Append(first ? \" \" : \", \").Append(" + CSharpNames.StringLiteral(member.Name + " = ") + ").Append(" + shown + "); first = false; }");
            }

            w.Line("return text.Append(\" }\").ToString();");
            w.Close();
        }
    }
}
