using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Emr.Codegen.Analyzers
{
    /// <summary>Reads compile-time values from operations: literals, constants, enumeration members, initializers.</summary>
    internal static class ValueReader
    {
        public static IOperation Unwrap(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    default:
                        return operation;
                }
            }
        }

        /// <summary>The constant a value has, as the spec writes values; null when it is not a constant.</summary>
        public static SpecValue? Constant(IOperation value, EnumModel? enumModel)
        {
            IOperation operation = Unwrap(value);
            Optional<object?> constant = operation.ConstantValue;
            if (!constant.HasValue)
            {
                // An enumeration's named member: PayMode.PayAsYouGo.
                if (enumModel != null && operation is IPropertyReferenceOperation { Property.IsStatic: true } property
                    && property.Property.ContainingType.Name == enumModel.Name)
                {
                    foreach (EnumValueModel item in enumModel.Values)
                    {
                        if (item.Name == property.Property.Name)
                        {
                            return item.Value;
                        }
                    }
                }

                // new PayMode(1)
                if (operation is IObjectCreationOperation { Arguments.Length: 1 } creation && enumModel != null && creation.Type?.Name == enumModel.Name)
                {
                    return Constant(creation.Arguments[0].Value, null);
                }

                return null;
            }

            return constant.Value switch
            {
                string text => SpecValue.FromString(text),
                bool flag => SpecValue.FromBoolean(flag),
                int number => SpecValue.FromNumber(number),
                long number => SpecValue.FromNumber(number),
                uint number => SpecValue.FromNumber(number),
                ulong number => SpecValue.FromNumber(number),
                short number => SpecValue.FromNumber(number),
                ushort number => SpecValue.FromNumber(number),
                byte number => SpecValue.FromNumber(number),
                sbyte number => SpecValue.FromNumber(number),
                decimal number => SpecValue.FromNumber(number),
                double number when !double.IsNaN(number) && !double.IsInfinity(number) && Math.Abs(number) < 7.9e28 => SpecValue.FromNumber((decimal)number),
                float number when !float.IsNaN(number) && !float.IsInfinity(number) && Math.Abs(number) < 7.9e28f => SpecValue.FromNumber((decimal)number),
                _ => null,
            };
        }

        public static bool IsNullConstant(IOperation value)
        {
            IOperation operation = Unwrap(value);
            return (operation.ConstantValue.HasValue && operation.ConstantValue.Value is null) || (operation is IDefaultValueOperation && (operation.Type is null || !operation.Type.IsValueType || operation.Type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T));
        }

        /// <summary>The items of a list value written in place: a collection expression or initializer, or an array.</summary>
        public static IReadOnlyList<IOperation>? ListItems(IOperation value)
        {
            IOperation operation = Unwrap(value);
            switch (operation)
            {
                case IArrayCreationOperation { Initializer: { } initializer }:
                    return initializer.ElementValues;
                case IObjectCreationOperation { Initializer: { } initializer } when initializer.Initializers.Length == 0 || initializer.Initializers[0] is IInvocationOperation:
                    var items = new List<IOperation>();
                    foreach (IOperation add in initializer.Initializers)
                    {
                        if (add is not IInvocationOperation { Arguments.Length: 1 } invocation)
                        {
                            return null;
                        }

                        items.Add(invocation.Arguments[0].Value);
                    }

                    return items;
                case IObjectCreationOperation { Initializer: null, Arguments.Length: 0 }:
                    return Array.Empty<IOperation>();
            }

            // Collection expressions: [a, b]. Read from syntax, which every Roslyn version with C# 12 has.
            if (operation.Syntax is CollectionExpressionSyntax collection && operation.SemanticModel is SemanticModel model)
            {
                var elements = new List<IOperation>();
                foreach (CollectionElementSyntax element in collection.Elements)
                {
                    if (element is not ExpressionElementSyntax expression || model.GetOperation(expression.Expression) is not IOperation item)
                    {
                        return null;
                    }

                    elements.Add(item);
                }

                return elements;
            }

            return null;
        }

        /// <summary>What is known of the value given to a member.</summary>
        public static AbstractValue Read(IOperation value, ITypeSymbol? propertyType, MemberModel member, SpecObjectInfo owner, SpecTypeCatalog catalog, Func<ILocalSymbol, AbstractObject?>? locals)
        {
            IOperation operation = Unwrap(value);
            if (IsNullConstant(value))
            {
                return new AbstractValue(KnownValue.Absent, value.Syntax);
            }

            if (!member.IsList && member.Kind != ValueKind.Object && Constant(value, owner.EnumOf(member)) is SpecValue constant)
            {
                return new AbstractValue(KnownValue.Of(constant), value.Syntax);
            }

            if (operation is IObjectCreationOperation creation && catalog.Get(creation.Type) is SpecObjectInfo nested)
            {
                return new AbstractValue(KnownValue.PresentUnknown, value.Syntax, ReadCreation(creation, nested, catalog, locals));
            }

            if (operation is ILocalReferenceOperation local && locals?.Invoke(local.Local) is AbstractObject tracked)
            {
                return new AbstractValue(KnownValue.PresentUnknown, value.Syntax, tracked);
            }

            if (member.IsList && ListItems(value) != null)
            {
                return new AbstractValue(KnownValue.PresentUnknown, value.Syntax);
            }

            // Not a constant: a value type that is not nullable is set; anything else may be null.
            bool surelySet = propertyType is { IsValueType: true } && propertyType.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T;
            return new AbstractValue(surelySet ? KnownValue.PresentUnknown : KnownValue.Unknown, value.Syntax);
        }

        /// <summary>An object creation with its initializer; members it does not set are absent.</summary>
        public static AbstractObject ReadCreation(IObjectCreationOperation creation, SpecObjectInfo info, SpecTypeCatalog catalog, Func<ILocalSymbol, AbstractObject?>? locals, bool checkedOnItsOwn = false)
        {
            ImmutableDictionary<string, AbstractValue> members = ImmutableDictionary<string, AbstractValue>.Empty;
            if (creation.Initializer is { } initializer)
            {
                foreach (IOperation item in initializer.Initializers)
                {
                    if (item is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment && info.MemberFor(target.Property) is MemberModel member)
                    {
                        members = members.SetItem(member.Name, Read(assignment.Value, target.Property.Type, member, info, catalog, locals));
                    }
                    else if (item is IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation nestedTarget } && info.MemberFor(nestedTarget.Property) is MemberModel nestedMember)
                    {
                        // Prop = { ... } fills an existing value the analysis does not see.
                        members = members.SetItem(nestedMember.Name, new AbstractValue(KnownValue.Unknown, item.Syntax));
                    }
                }
            }

            return new AbstractObject(info, creation.Syntax, members, checkedOnItsOwn);
        }

        public static string Show(SpecValue value, MemberModel member) => member.IsSensitive ? "(value hidden)" : value.ToString();

        public static string Show(KnownValue value, MemberModel? member) => member?.IsSensitive == true ? "(value hidden)" : value.Value!.ToString();
    }
}
