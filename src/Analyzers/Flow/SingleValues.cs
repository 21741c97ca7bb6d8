using System;
using System.Collections.Generic;
using Emr.Codegen.Runtime.Rules;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Emr.Codegen.Analyzers.Flow
{
    /// <summary>Single values where they are given, once per assignment whatever the path: enumerations, constraints, item counts.</summary>
    internal static class SingleValues
    {
        public static void Check(IOperation root, SemanticModel model, SpecTypeCatalog catalog, Action<Diagnostic> report)
        {
            foreach (IOperation operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case ISimpleAssignmentOperation assignment:
                        CheckAssignment(assignment.Target, assignment.Value, model, catalog, report);
                        break;
                    case ICoalesceAssignmentOperation coalesce:
                        CheckAssignment(coalesce.Target, coalesce.Value, model, catalog, report);
                        break;
                    case IDeconstructionAssignmentOperation deconstruction:
                        CheckDeconstruction(deconstruction.Target, deconstruction.Value, model, catalog, report);
                        break;
                }
            }
        }

        private static void CheckDeconstruction(IOperation target, IOperation value, SemanticModel model, SpecTypeCatalog catalog, Action<Diagnostic> report)
        {
            while (value is IConversionOperation { OperatorMethod: null } conversion)
            {
                value = conversion.Operand;
            }

            if (target is ITupleOperation targets && value is ITupleOperation values && targets.Elements.Length == values.Elements.Length)
            {
                for (int i = 0; i < targets.Elements.Length; i++)
                {
                    if (targets.Elements[i] is ITupleOperation)
                    {
                        CheckDeconstruction(targets.Elements[i], values.Elements[i], model, catalog, report);
                    }
                    else
                    {
                        CheckAssignment(targets.Elements[i], values.Elements[i], model, catalog, report);
                    }
                }
            }
        }

        /// <summary>The spec member a property reference sets, with the object that holds it.</summary>
        public static (SpecMember Member, SpecObjectInfo Owner)? MemberOf(IOperation target, SpecTypeCatalog catalog) =>
            target is IPropertyReferenceOperation property && catalog.Get(property.Property.ContainingType) is SpecObjectInfo owner
            && owner.MemberFor(property.Property.Name) is SpecMember member && SymbolEqualityComparer.Default.Equals(member.Property.OriginalDefinition, property.Property.OriginalDefinition)
                ? (member, owner)
                : null;

        private static void CheckAssignment(IOperation target, IOperation value, SemanticModel model, SpecTypeCatalog catalog, Action<Diagnostic> report)
        {
            if (MemberOf(target, catalog) is not var (member, owner))
            {
                return;
            }

            MemberModel specMember = member.Member;
            if (specMember.Enum is null && specMember.Constraints is null)
            {
                return;
            }

            if (specMember.IsList)
            {
                if (value.Syntax is not ExpressionSyntax expression || SyntaxValues.ListItems(expression) is not { } items)
                {
                    return;
                }

                Checks.CheckItemCount(member, owner, items.Count, value.Syntax, report);
                if (specMember.Kind != ValueKind.Object)
                {
                    foreach (ExpressionSyntax item in items)
                    {
                        if (OperationValues.Read(model.GetOperation(item), member, owner, null) is { State: KnownState.Known } itemValue)
                        {
                            Checks.CheckScalar(member, owner, itemValue.Value!, item, report);
                        }
                    }
                }

                return;
            }

            if (specMember.Kind != ValueKind.Object && OperationValues.Read(value, member, owner, null) is { State: KnownState.Known } known)
            {
                Checks.CheckScalar(member, owner, known.Value!, value.Syntax, report);
            }
        }
    }
}
