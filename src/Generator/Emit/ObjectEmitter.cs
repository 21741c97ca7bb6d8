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

        /// <summary>The field behind a member with <see cref="HasBackingField"/>.</summary>
        private static string BackingField(MemberModel member, ObjectModel owner) => GeneratedNames.BackingFieldName(member, owner);

        public static string Emit(ObjectFileModel file)
        {
            ObjectModel obj = file.Object;
            string ns = file.Namespace;
            string self = Types.Global(ns, obj.Name);
            bool hasRequired = obj.Members.Any(m => IsRequired(m, obj));
            var w = new CodeWriter();
            Types.Header(w, ns, obj.Members.Any(m => m.Disabled));
            DocRenderer.WriteSummary(w, obj.Document);
            w.Line(Types.GeneratedCodeAttribute);
            w.Line("[global::System.Text.Json.Serialization.JsonConverter(typeof(" + Types.Runtime + "ApiJsonConverter<" + self + ">))]");
            w.Line("[" + Types.Runtime + GeneratedNames.SpecMetadataAttribute + "(" + FragmentConstant + ", " + GeneratedNames.FragmentVersion.ToString(CultureInfo.InvariantCulture) + ")]");
            w.Open(file.Visibility + " sealed partial class " + obj.Name + " : " + Types.Runtime + "ApiObject<" + self + ">, " + Types.Runtime + "IApiValue<" + self + ">");
            w.Line("/// <summary>Creates an empty instance; required members are set by an object initializer.</summary>");
            w.Line("public " + obj.Name + "() : base(" + TypeField + ") { }");
            if (hasRequired)
            {
                w.Line();
                w.Line("/// <summary>Creates an instance for readers (JSON, form); missing required members are reported by <see cref=\"" + Types.Runtime + "ApiObject{T}.Validate\"/>.</summary>");
                w.Line("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
                w.Line("#pragma warning disable CS8618 // A reader may leave a required member unset; Validate reports it.");
                w.Line("private " + obj.Name + "(bool unset) : base(" + TypeField + ") { }");
                w.Line("#pragma warning restore CS8618");
            }

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

            bool hasError = HasErrorMember(obj);
            if (hasError)
            {
                w.Line();
                w.Line("/// <summary>The error the server returned instead of a result, if any (<c>Response.Error</c>).</summary>");
                w.Line("public " + Types.Runtime + "ApiError<" + Types.ErrorCode(ns) + ">? " + GeneratedNames.ResponseErrorProperty + " { get; set; }");
            }

            if (obj.Role == ObjectRole.Response)
            {
                w.Line();
                w.Line("/// <summary>The members of the answer that differ from their documented type, kept as the JSON the server sent (empty when none do); <see cref=\"ParseEnvelope\"/> never throws for them.</summary>");
                w.Line("public global::System.Collections.Generic.IReadOnlyList<" + Types.Runtime + "ApiDeviation> " + GeneratedNames.ResponseDeviationsProperty + " => this.ReadDeviations;");
            }

            string pairs = "global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, string>>";
            w.Line();
            w.Line("/// <summary>Reads this object from JSON. Numbers written as strings are accepted; unknown members are skipped; members not found stay unset.</summary>");
            w.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The text is not one JSON object of this type: the message names the member path.</exception>");
            w.Line("public static " + self + " FromJson(string json) => " + Types.Runtime + "ApiJson.Read(json, " + TypeField + ");");
            if (obj.Role == ObjectRole.Response)
            {
                w.Line();
                w.Line("/// <summary>Reads the API's envelope <c>{\"Response\": {...}}</c>, the error form included. A member of another type than documented does not fail the answer: it is kept in <c>" + GeneratedNames.ResponseDeviationsProperty + "</c>.</summary>");
                w.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The text is not such an envelope (malformed JSON, no <c>Response</c>): the message names the member path.</exception>");
                w.Line("public static " + self + " ParseEnvelope(string json) => " + Types.Runtime + "ApiJson.ReadEnvelope(json, " + TypeField + ");");
            }

            w.Line();
            w.Line("/// <summary>Reads an object from form parameters; names it does not know are ignored.</summary>");
            w.Line("public static " + self + " FromFormParameters(" + pairs + " parameters) => " + TypeField + ".ReadForm(parameters);");
            w.Line();
            w.Line("/// <summary>Reads <c>&amp;Name=Value</c> text (percent-encoded or not); segments without '=' are skipped.</summary>");
            w.Line("public static " + self + " ParseForm(string text) => " + TypeField + ".ReadForm(" + Types.Runtime + "ApiFormEncoding.Split(text));");
            EmitValidation(w, file);
            EmitMemberTable(w, file, self, hasRequired, hasError);
            w.Close();
            return w.ToString();
        }

        /// <summary>The static field that holds the type's member table; its name is reserved for generated code.</summary>
        private const string TypeField = GeneratedNames.TypeDataField;

        private static bool HasErrorMember(ObjectModel obj) => obj.Role == ObjectRole.Response && obj.FindMember("Error") is null;

        /// <summary>What is particular to the type, as data: each member's API name, its kind, and how to reach its value.</summary>
        private static void EmitMemberTable(CodeWriter w, ObjectFileModel file, string self, bool hasRequired, bool hasError)
        {
            string ns = file.Namespace;
            ObjectModel obj = file.Object;
            w.Line();
            // The table is an argument, not a lambda: the compiler binds each accessor once, against a known delegate type.
            w.Indent("private static readonly " + Types.Runtime + "ApiType<" + self + "> " + TypeField + " = new(" + FragmentConstant + ", " + CSharpNames.StringLiteral(obj.Name) + ", static () => new " + self + "(" + (hasRequired ? "true" : string.Empty) + "), new " + Types.Runtime + "ApiMembers<" + self + ">()");
            foreach (MemberModel member in obj.Members)
            {
                string target = "o." + (HasBackingField(member, obj) ? BackingField(member, obj) : GeneratedNames.PropertyName(member, obj));
                string set = "static (o, v) => " + target + " = v" + (IsRequired(member, obj) && !HasBackingField(member, obj) ? "!" : string.Empty);
                string accessors = "static o => " + target + ", " + set + (member.IsSensitive ? ", sensitive: true" : string.Empty) + ")";
                string name = CSharpNames.StringLiteral(member.Name);
                w.Line(member.IsList
                    ? ".List<" + ItemType(ns, member) + ">(" + name + ", " + Codec(ns, member) + ", " + accessors
                    : member.Enum != null || member.Kind == ValueKind.Object
                        ? "." + AddMethod(member) + "<" + ItemType(ns, member) + ">(" + name + ", " + accessors
                        : "." + AddMethod(member) + "(" + name + ", " + accessors);
            }

            if (hasError)
            {
                w.Line(".Error<" + Types.ErrorCode(ns) + ">(static o => o.Error, static (o, v) => o.Error = v)");
            }

            w.Dedent(");");
            w.Line();
            w.Line("static " + Types.Runtime + "ApiCodec<" + self + "> " + Types.Runtime + "IApiValue<" + self + ">.EmrCodec => " + TypeField + ";");
        }

        /// <summary>The member table's method that adds a single value of the member's kind.</summary>
        private static string AddMethod(MemberModel member) => member.Enum != null ? "Enum" : member.Kind switch
        {
            ValueKind.String => "String",
            ValueKind.Integer => "Int64",
            ValueKind.UnsignedInteger => "UInt64",
            ValueKind.Float => "Double",
            ValueKind.Boolean => "Boolean",
            _ => "Object",
        };

        /// <summary>The codec of one value (a list's item) of the member.</summary>
        private static string Codec(string ns, MemberModel member) => member.Enum != null || member.Kind == ValueKind.Object
            ? Types.Runtime + "ApiCodecs.Of<" + ItemType(ns, member) + ">()"
            : Types.Runtime + "ApiCodecs." + AddMethod(member);

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

        internal static bool IsValueType(MemberModel member) => member.Enum != null || member.Kind != ValueKind.String && member.Kind != ValueKind.Object;
    }
}
