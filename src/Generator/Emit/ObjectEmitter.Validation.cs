using System.Linq;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;

namespace Emr.Codegen.Generator.Emit
{
    /// <summary>
    /// The validation members of a generated object. The object carries its spec fragment as data and hands its
    /// members' values to the rule engine (emitted once per compilation), the same engine the analyzers run.
    /// </summary>
    internal static partial class ObjectEmitter
    {
        /// <summary>The constant that holds the type's spec fragment; the metadata attribute names it too.</summary>
        public const string FragmentConstant = "EmrSpecFragment";

        private static void EmitValidation(CodeWriter w, ObjectFileModel file, string self)
        {
            string ns = file.Namespace;
            ObjectModel obj = file.Object;
            string rules = RuleEngineEmitter.Namespace(ns);
            string validation = "global::" + ns + ".ApiValidation";
            w.Line();
            w.Line("/// <summary>The spec's members, enumerations and rules of this type, read by the analyzers and by <see cref=\"Validate\"/>.</summary>");
            w.Line("internal const string " + FragmentConstant + " = " + CSharpNames.StringLiteral(file.AnalysisFragment) + ";");
            w.Line();
            w.Line("private static " + rules + ".ObjectDefinition? s_emrRuleDefinition;");
            w.Line();
            w.Line(rules + ".ObjectDefinition " + rules + ".IRuleSubject.RuleDefinition => s_emrRuleDefinition ??= " + rules + ".ObjectDefinition.Parse(" + FragmentConstant + ", " + CSharpNames.StringLiteral(obj.Name) + ");");
            w.Line();
            w.Open(rules + ".MemberValue " + rules + ".IRuleSubject.GetMemberValue(string name) => name switch");
            foreach (MemberModel member in obj.Members)
            {
                w.Line(CSharpNames.StringLiteral(member.Name) + " => " + MemberValueExpression(rules, member, obj) + ",");
            }

            w.Line("_ => default,");
            w.Close(";");
            w.Line();
            w.Line("/// <summary>Checks every enumeration, constraint and rule of the spec, nested objects included, as the server would.</summary>");
            w.Line("public global::System.Collections.Generic.IReadOnlyList<global::" + ns + ".ApiValidationProblem> Validate() => " + validation + ".Validate(this);");
            w.Line();
            w.Line("/// <summary>Throws <see cref=\"global::" + ns + ".ApiValidationException\"/> when <see cref=\"Validate\"/> finds an error.</summary>");
            w.Line("public void EnsureValid() => " + validation + ".ThrowOnErrors(Validate());");
        }

        /// <summary>A member's value as the rule engine reads it; unset is absent.</summary>
        private static string MemberValueExpression(string rules, MemberModel member, ObjectModel owner)
        {
            string memberValue = rules + ".MemberValue";
            string property = "this." + GeneratedNames.PropertyName(member, owner);
            if (member.IsList)
            {
                return memberValue + ".List(" + property + ", static item => " + memberValue + ".From(item" + (member.Enum != null ? ".Value" : string.Empty) + "))";
            }

            string raw = member.Enum != null ? ".Value" : string.Empty;
            if (HasBackingField(member, owner))
            {
                // A required value a reader did not find is unset, not its type's default.
                return IsSetExpression(member, owner) + " ? " + memberValue + ".From(" + SetValueExpression(member, owner) + raw + ") : default";
            }

            string value = member.Enum != null ? property + (IsNullable(member, owner) ? "?.Value" : ".Value") : property;
            return memberValue + ".From(" + value + ")";
        }
    }
}
