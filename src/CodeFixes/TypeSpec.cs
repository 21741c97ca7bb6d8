using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Emr.Codegen.Analyzers;
using Emr.Codegen.Runtime.Rules;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;
using Microsoft.CodeAnalysis;

namespace Emr.Codegen.CodeFixes
{
    /// <summary>A generated type's spec, read from the <c>EmrSpecMetadata</c> fragment the type carries.</summary>
    internal sealed class TypeSpec
    {
        private TypeSpec(SpecModel fragment, ObjectModel model)
        {
            Fragment = fragment;
            Model = model;
        }

        public SpecModel Fragment { get; }

        public ObjectModel Model { get; }

        /// <summary>The spec member behind a property of the type, by the property's C# name.</summary>
        public MemberModel? MemberFor(string propertyName) =>
            Model.Members.FirstOrDefault(m => GeneratedNames.PropertyName(m, Model).TrimStart('@') == propertyName.TrimStart('@'));

        public EnumModel? EnumOf(MemberModel? member) => member is null ? null : Fragment.FindEnum(member.Enum);

        /// <summary>
        /// Members a rule of this type requires whatever the other values are (a rule without <c>when</c>), so that an
        /// object made by a fix does not break it at once: for <c>anyOf</c>, the first way out.
        /// </summary>
        public IEnumerable<string> MembersRequiredByUnconditionalRules() =>
            Model.Rules.Where(r => r.When is null).SelectMany(r => PresentMembers(r.Require)).Distinct();

        /// <summary>Members of <paramref name="member"/> (an object member of this type) that a rule of this type requires to be set.</summary>
        public IEnumerable<string> NestedMembersRequiredByRules(string member) =>
            Model.Rules.SelectMany(r => PresentPaths(r.Require))
                .Where(path => path.StartsWith(member + ".", System.StringComparison.Ordinal))
                .Select(path => path.Substring(member.Length + 1))
                .Where(rest => rest.IndexOf('.') < 0)
                .Distinct();

        private static IEnumerable<string> PresentMembers(ConditionModel condition) => PresentPaths(condition).Where(p => p.IndexOf('.') < 0);

        private static IEnumerable<string> PresentPaths(ConditionModel condition)
        {
            switch (condition.Kind)
            {
                case RuleOperator.Present when condition.Member != null:
                    return new[] { condition.Member };
                case RuleOperator.AllOf:
                    return condition.Operands.SelectMany(PresentPaths);
                case RuleOperator.AnyOf:
                    return condition.Operands.Select(o => PresentPaths(o).ToList()).FirstOrDefault(paths => paths.Count > 0) ?? Enumerable.Empty<string>();
                default:
                    return Enumerable.Empty<string>();
            }
        }

        // Fragments are the same text in every compilation: read each once per process.
        private static readonly ConcurrentDictionary<string, SpecModel?> Fragments = new ConcurrentDictionary<string, SpecModel?>();

        /// <summary>The spec of a generated type, or null for a type without a readable fragment.</summary>
        public static TypeSpec? Of(ITypeSymbol? type)
        {
            if (type is not INamedTypeSymbol named)
            {
                return null;
            }

            foreach (AttributeData attribute in named.GetAttributes())
            {
                if (SpecTypeCatalog.FragmentOf(attribute) is not string text)
                {
                    continue;
                }

                if (Fragments.Count > 1024)
                {
                    Fragments.Clear();
                }

                SpecModel? fragment = Fragments.GetOrAdd(text, json => SpecReader.Read(new[] { new SpecSource(named.Name, json) }).Model);
                ObjectModel? model = fragment?.FindObject(named.Name);
                return model is null ? null : new TypeSpec(fragment!, model);
            }

            return null;
        }
    }
}
