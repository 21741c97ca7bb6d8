using System;
using System.Linq;
using Emr.Codegen.Runtime.Rules;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Emr.Codegen.Analyzers.Flow
{
    /// <summary>
    /// The compile-time value an operation gives a spec member, read from the compiler's own constant folding
    /// (<see cref="IOperation.ConstantValue"/>), never from text: literals, constants of any type or assembly,
    /// <c>using static</c> members, <c>default</c>, and the generated enumeration structs (their named members,
    /// <c>new T(v)</c>, and the implicit conversion from the raw value, followed to its argument).
    /// </summary>
    internal static class OperationValues
    {
        /// <summary>The value, with <paramref name="flowValue"/> reading flow captures and locals the flow follows; Unknown when not a constant.</summary>
        public static KnownValue Read(IOperation? operation, SpecMember target, SpecObjectInfo owner, Func<IOperation, FlowValue?>? flowValue)
        {
            EnumModel? enumModel = owner.EnumOf(target.Member);
            ITypeSymbol memberType = SpecTypeCatalog.UnwrapNullable(target.Property.Type);
            if (target.Member.IsList && memberType is INamedTypeSymbol { IsGenericType: true } list)
            {
                memberType = SpecTypeCatalog.UnwrapNullable(list.TypeArguments[0]);
            }

            return Read(operation, enumModel, memberType, flowValue, depth: 0);
        }

        private static KnownValue Read(IOperation? operation, EnumModel? enumModel, ITypeSymbol memberType, Func<IOperation, FlowValue?>? flowValue, int depth)
        {
            if (operation is null || depth > 16)
            {
                return KnownValue.Unknown;
            }

            if (operation.ConstantValue.HasValue)
            {
                return operation.ConstantValue.Value is null ? KnownValue.Absent : FromObject(operation.ConstantValue.Value) is SpecValue constant ? KnownValue.Of(constant) : KnownValue.Unknown;
            }

            switch (operation)
            {
                case IConversionOperation conversion when conversion.OperatorMethod is null || IsEnumerationOf(conversion.OperatorMethod.ContainingType, enumModel, memberType):
                    // Built-in conversions keep the value; the generated enumeration's implicit operator wraps it.
                    return Read(conversion.Operand, enumModel, memberType, flowValue, depth + 1);
                case IDefaultValueOperation defaultValue:
                    return DefaultOf(defaultValue.Type, enumModel, memberType);
                case IPropertyReferenceOperation { Instance: null } named when enumModel != null && IsEnumerationOf(named.Property.ContainingType, enumModel, memberType):
                    return enumModel.Values.FirstOrDefault(v => v.Name == named.Property.Name) is EnumValueModel value ? KnownValue.Of(value.Value) : KnownValue.Unknown;
                case IFieldReferenceOperation { Instance: null } namedField when enumModel != null && IsEnumerationOf(namedField.Field.ContainingType, enumModel, memberType):
                    return enumModel.Values.FirstOrDefault(v => v.Name == namedField.Field.Name) is EnumValueModel fieldValue ? KnownValue.Of(fieldValue.Value) : KnownValue.Unknown;
                case IObjectCreationOperation { Arguments.Length: 1, Initializer: null } creation when IsEnumerationOf(creation.Type, enumModel, memberType):
                    return Read(creation.Arguments[0].Value, enumModel, memberType, flowValue, depth + 1);
                default:
                    if (flowValue?.Invoke(operation) is not FlowValue known || known.IsObject)
                    {
                        return KnownValue.Unknown;
                    }

                    // A named member or constructor of an enumeration chosen by ?:, ?? or a switch arm: read as if written here.
                    return known.Known.State == KnownState.Unknown && known.Source != null ? Read(known.Source, enumModel, memberType, null, depth + 1) : known.Known;
            }
        }

        /// <summary>Whether a type is the generated enumeration struct of the member (its wrapping is the raw value).</summary>
        private static bool IsEnumerationOf(ITypeSymbol? type, EnumModel? enumModel, ITypeSymbol memberType) =>
            enumModel != null && type is INamedTypeSymbol { TypeKind: TypeKind.Struct } named
            && SymbolEqualityComparer.Default.Equals(SpecTypeCatalog.UnwrapNullable(named), memberType) && named.Name == enumModel.Name;

        private static KnownValue DefaultOf(ITypeSymbol? type, EnumModel? enumModel, ITypeSymbol memberType)
        {
            if (type is null)
            {
                return KnownValue.Unknown;
            }

            if (type.IsReferenceType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                return KnownValue.Absent;
            }

            if (IsEnumerationOf(type, enumModel, memberType))
            {
                // The struct's default holds the raw default: 0 for numbers; a string enumeration reads it as "".
                return KnownValue.Of(enumModel!.Kind == ValueKind.String ? SpecValue.FromString(string.Empty) : SpecValue.FromNumber(0));
            }

            return type.SpecialType switch
            {
                SpecialType.System_Boolean => KnownValue.Of(SpecValue.FromBoolean(false)),
                SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
                    or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal => KnownValue.Of(SpecValue.FromNumber(0)),
                _ => KnownValue.Unknown,
            };
        }

        public static SpecValue? FromObject(object? value) => value switch
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
            // As the generated code hands a double to the engine, so both judge NaN and huge values alike.
            double number => SpecValue.FromDouble(number),
            float number => SpecValue.FromDouble(number),
            _ => null,
        };
    }
}
