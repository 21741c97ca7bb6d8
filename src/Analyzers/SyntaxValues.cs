using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Emr.Codegen.Runtime.Rules;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Emr.Codegen.Analyzers
{
    /// <summary>
    /// Reads compile-time values from syntax. Names are resolved by speculative binding at the enclosing type,
    /// which does not bind method bodies: the analysis costs little more than a walk over the syntax.
    /// </summary>
    internal sealed class SyntaxValues
    {
        private readonly SemanticModel _model;
        private readonly SpecTypeCatalog _catalog;
        private readonly Dictionary<(int, string), ISymbol?> _names = new Dictionary<(int, string), ISymbol?>();
        private readonly Dictionary<SyntaxNode, Dictionary<string, ExpressionSyntax>> _constLocals = new Dictionary<SyntaxNode, Dictionary<string, ExpressionSyntax>>();
        private readonly Dictionary<SyntaxNode, Dictionary<string, int>> _declaredNames = new Dictionary<SyntaxNode, Dictionary<string, int>>();

        public SyntaxValues(SemanticModel model, SpecTypeCatalog catalog)
        {
            _model = model;
            _catalog = catalog;
        }

        public SpecTypeCatalog Catalog => _catalog;

        /// <summary>Where names used inside a node resolve as they do for the type that holds it.</summary>
        private static int Anchor(SyntaxNode node)
        {
            TypeDeclarationSyntax? type = node.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (type != null)
            {
                return type.OpenBraceToken.Span.End;
            }

            var unit = (CompilationUnitSyntax)node.SyntaxTree.GetRoot();
            return unit.Members.Count > 0 ? unit.Members[0].SpanStart : unit.Span.End;
        }

        private ISymbol? Resolve(ExpressionSyntax name, SpeculativeBindingOption option)
        {
            int anchor = Anchor(name);
            string text = name is IdentifierNameSyntax identifier ? identifier.Identifier.ValueText : name.ToString();
            if (!_names.TryGetValue((anchor, text), out ISymbol? symbol))
            {
                symbol = option == SpeculativeBindingOption.BindAsTypeOrNamespace
                    ? _model.GetSpeculativeTypeInfo(anchor, name, option).Type
                    : _model.GetSpeculativeSymbolInfo(anchor, name, option).Symbol;
                _names[(anchor, text)] = symbol;
            }

            return symbol;
        }

        public ITypeSymbol? ResolveType(TypeSyntax type) => Resolve(type, SpeculativeBindingOption.BindAsTypeOrNamespace) as ITypeSymbol;

        /// <summary>What a name means where the body's own declarations do not hide it (callers check <see cref="DeclaredNames"/> first).</summary>
        public ISymbol? ResolveValue(IdentifierNameSyntax name) => Resolve(name, SpeculativeBindingOption.BindAsExpression);

        /// <summary>
        /// How often each name is declared in a body and by the member around it (parameters, locals, pattern and
        /// out variables, lambda parameters, ...): names declared here hide constants of the same name outside.
        /// </summary>
        public Dictionary<string, int> DeclaredNames(SyntaxNode body)
        {
            if (!_declaredNames.TryGetValue(body, out Dictionary<string, int>? names))
            {
                var found = BodyNames.Start(body);
                foreach (SyntaxNode node in body.DescendantNodes())
                {
                    found.Record(node);
                }

                Remember(body, found);
                names = found.Counts;
            }

            return names;
        }

        /// <summary>Keeps the names a walk over the whole body found, so that no other walk is needed.</summary>
        public void Remember(SyntaxNode body, BodyNames names)
        {
            _declaredNames[body] = names.Counts;
            _constLocals[body] = names.Constants;
        }

        /// <summary>An array written out with no item (<c>new T[0]</c>, <c>new T[] { }</c>): a loop over it does not run.</summary>
        public static bool IsEmptyArray(ExpressionSyntax expression) => Unwrap(expression) is ArrayCreationExpressionSyntax array
            && (array.Initializer is { } initializer
                ? initializer.Expressions.Count == 0
                : array.Type.RankSpecifiers.Count == 1 && array.Type.RankSpecifiers[0].Sizes.Count == 1 && array.Type.RankSpecifiers[0].Sizes[0] is LiteralExpressionSyntax { Token.ValueText: "0" });

        /// <summary>The spec object an explicit <c>new T</c> creates, or null.</summary>
        public SpecObjectInfo? CreatedObject(BaseObjectCreationExpressionSyntax creation, ITypeSymbol? targetType)
        {
            return creation switch
            {
                ObjectCreationExpressionSyntax explicitCreation => _catalog.Get(Resolve(explicitCreation.Type, SpeculativeBindingOption.BindAsTypeOrNamespace) as ITypeSymbol),
                ImplicitObjectCreationExpressionSyntax => _catalog.Get(targetType),
                _ => null,
            };
        }

        public static ExpressionSyntax Unwrap(ExpressionSyntax expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax parenthesized:
                        expression = parenthesized.Expression;
                        continue;
                    case CastExpressionSyntax cast:
                        expression = cast.Expression;
                        continue;
                    case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } bang:
                        expression = bang.Operand;
                        continue;
                    default:
                        return expression;
                }
            }
        }

        public static bool IsNull(ExpressionSyntax expression) =>
            Unwrap(expression) is LiteralExpressionSyntax literal && (literal.IsKind(SyntaxKind.NullLiteralExpression) || literal.IsKind(SyntaxKind.DefaultLiteralExpression));

        /// <summary>The constant a value has, as the spec writes values; null when it is not one.</summary>
        public SpecValue? Constant(ExpressionSyntax value, EnumModel? enumModel, SyntaxNode? body)
        {
            ExpressionSyntax expression = Unwrap(value);
            switch (expression)
            {
                case LiteralExpressionSyntax literal:
                    return Flow.OperationValues.FromObject(literal.Token.Value);
                case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression, Operand: LiteralExpressionSyntax negated } when Flow.OperationValues.FromObject(negated.Token.Value) is { Kind: SpecValueKind.Number } number:
                    return SpecValue.FromNumber(-number.ToNumber());
                case MemberAccessExpressionSyntax access when enumModel != null && access.Name.Identifier.ValueText is string member && enumModel.Values.Any(v => v.Name == member)
                    && Resolve(access.Expression, SpeculativeBindingOption.BindAsTypeOrNamespace) is INamedTypeSymbol enumType && enumType.Name == enumModel.Name:
                    // An enumeration's named member: PayMode.PayAsYouGo.
                    return enumModel.Values.First(v => v.Name == member).Value;
                case ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 1 } creation when enumModel != null
                    && Resolve(creation.Type, SpeculativeBindingOption.BindAsTypeOrNamespace) is INamedTypeSymbol createdEnum && createdEnum.Name == enumModel.Name:
                    return Constant(creation.ArgumentList!.Arguments[0].Expression, null, body);
                case IdentifierNameSyntax identifier:
                    // A const local of this body, or a const field in scope; a parameter or local of the same name hides the field.
                    if (body != null && ConstLocals(body).TryGetValue(identifier.Identifier.ValueText, out ExpressionSyntax? localValue))
                    {
                        return DeclaredNames(body)[identifier.Identifier.ValueText] == 1 ? Constant(localValue, enumModel, null) : null;
                    }

                    return body != null && DeclaredNames(body).ContainsKey(identifier.Identifier.ValueText) ? null : ConstField(identifier);
                case MemberAccessExpressionSyntax qualified:
                    return ConstField(qualified);
                default:
                    return null;
            }
        }

        private SpecValue? ConstField(ExpressionSyntax name) =>
            Resolve(name, SpeculativeBindingOption.BindAsExpression) is IFieldSymbol { HasConstantValue: true } field ? Flow.OperationValues.FromObject(field.ConstantValue) : null;

        /// <summary>The const locals of a body and their values, found with its declared names.</summary>
        private Dictionary<string, ExpressionSyntax> ConstLocals(SyntaxNode body)
        {
            DeclaredNames(body);
            return _constLocals[body];
        }

        /// <summary>The items of a list written in place: a collection expression or initializer, or an array.</summary>
        public static IReadOnlyList<ExpressionSyntax>? ListItems(ExpressionSyntax value)
        {
            switch (Unwrap(value))
            {
                case CollectionExpressionSyntax collection:
                    var items = new List<ExpressionSyntax>();
                    foreach (CollectionElementSyntax element in collection.Elements)
                    {
                        if (element is not ExpressionElementSyntax expression)
                        {
                            return null;
                        }

                        items.Add(expression.Expression);
                    }

                    return items;
                case ArrayCreationExpressionSyntax { Initializer: { } arrayInitializer }:
                    return arrayInitializer.Expressions;
                case ImplicitArrayCreationExpressionSyntax implicitArray:
                    return implicitArray.Initializer.Expressions;
                case BaseObjectCreationExpressionSyntax { Initializer: null, ArgumentList: null or { Arguments.Count: 0 } }:
                    return Array.Empty<ExpressionSyntax>();
                case BaseObjectCreationExpressionSyntax { Initializer: { } initializer, ArgumentList: null or { Arguments.Count: 0 } } when initializer.IsKind(SyntaxKind.CollectionInitializerExpression):
                    return initializer.Expressions.Any(e => e is InitializerExpressionSyntax) ? null : initializer.Expressions;
                default:
                    return null;
            }
        }

        /// <summary>Checks the value given to one member against its enumeration and constraints, where it is given.</summary>
        public void CheckValue(SpecMember target, ExpressionSyntax value, SpecObjectInfo owner, SyntaxNode? body, Action<Diagnostic> report)
        {
            MemberModel member = target.Member;
            if (member.Enum is null && member.Constraints is null)
            {
                return;
            }

            EnumModel? enumModel = owner.EnumOf(member);
            if (member.IsList)
            {
                if (ListItems(value) is not { } items)
                {
                    return;
                }

                Checks.CheckItemCount(target, owner, items.Count, value, report);
                if (member.Kind != ValueKind.Object)
                {
                    foreach (ExpressionSyntax item in items)
                    {
                        if (Constant(item, enumModel, body) is SpecValue itemConstant)
                        {
                            Checks.CheckScalar(target, owner, itemConstant, item, report);
                        }
                    }
                }
            }
            else if (member.Kind != ValueKind.Object && Constant(value, enumModel, body) is SpecValue constant)
            {
                Checks.CheckScalar(target, owner, constant, value, report);
            }
        }

        /// <summary>What is known of the value given to a member.</summary>
        public AbstractValue Read(ExpressionSyntax value, IPropertySymbol? property, MemberModel member, SpecObjectInfo owner, SyntaxNode? body, Func<string, AbstractObject?>? locals)
        {
            ExpressionSyntax expression = Unwrap(value);
            if (IsNull(value))
            {
                return new AbstractValue(KnownValue.Absent, value);
            }

            if (!member.IsList && member.Kind != ValueKind.Object && Constant(value, owner.EnumOf(member), body) is SpecValue constant)
            {
                return new AbstractValue(KnownValue.Of(constant), value);
            }

            if (expression is BaseObjectCreationExpressionSyntax creation && !member.IsList && CreatedObject(creation, property?.Type) is SpecObjectInfo nested)
            {
                return new AbstractValue(KnownValue.PresentUnknown, value, ReadCreation(creation, nested, body, locals, allMembers: true));
            }

            if (expression is IdentifierNameSyntax local && locals?.Invoke(local.Identifier.ValueText) is AbstractObject tracked)
            {
                return new AbstractValue(KnownValue.PresentUnknown, value, tracked);
            }

            if (member.IsList && ListItems(value) != null)
            {
                return new AbstractValue(KnownValue.PresentUnknown, value);
            }

            // Not a constant: a value type that is not nullable is set; anything else may be null.
            ITypeSymbol? type = property?.Type;
            bool surelySet = type is { IsValueType: true } && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T;
            return new AbstractValue(surelySet ? KnownValue.PresentUnknown : KnownValue.Unknown, value);
        }

        /// <summary>
        /// An object creation with its initializer; members it does not set are absent. Of a request, only the members
        /// its rules read are kept; of an object nested in one, all, since the owner's rules may read any of them.
        /// </summary>
        public AbstractObject ReadCreation(BaseObjectCreationExpressionSyntax creation, SpecObjectInfo info, SyntaxNode? body, Func<string, AbstractObject?>? locals, bool checkedOnItsOwn = false, bool allMembers = false)
        {
            var members = new List<KeyValuePair<string, AbstractValue>>();
            if (creation.Initializer is { } initializer && initializer.IsKind(SyntaxKind.ObjectInitializerExpression))
            {
                foreach (ExpressionSyntax item in initializer.Expressions)
                {
                    if (item is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment || info.MemberFor(name.Identifier.ValueText) is not SpecMember specMember
                        || (!allMembers && !info.RuleMembers.Contains(specMember.Member.Name)
                            && (specMember.Member.Kind != ValueKind.Object || !_catalog.HasRulesWithin(specMember.Property.Type))))
                    {
                        continue;
                    }

                    members.Add(new KeyValuePair<string, AbstractValue>(
                        specMember.Member.Name,
                        assignment.Right is InitializerExpressionSyntax
                            ? new AbstractValue(KnownValue.Unknown, assignment.Right) // Prop = { ... } fills a value the analysis does not see.
                            : Read(assignment.Right, specMember.Property, specMember.Member, info, body, locals)));
                }
            }

            return new AbstractObject(info, creation, SmallMap<AbstractValue>.From(members), checkedOnItsOwn);
        }
    }

    /// <summary>The names a body and its member declare, counted, and its const locals, gathered node by node.</summary>
    internal sealed class BodyNames
    {
        private BodyNames()
        {
        }

        public Dictionary<string, int> Counts { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

        public Dictionary<string, ExpressionSyntax> Constants { get; } = new Dictionary<string, ExpressionSyntax>(StringComparer.Ordinal);

        /// <summary>The parameters of the member around a body (and an accessor's <c>value</c>); its own declarations follow by <see cref="Record"/>.</summary>
        public static BodyNames Start(SyntaxNode body)
        {
            var names = new BodyNames();
            SyntaxNode? member = body.Parent;
            if (member is AccessorDeclarationSyntax accessor)
            {
                if (!accessor.IsKind(SyntaxKind.GetAccessorDeclaration))
                {
                    names.Add("value");
                }

                member = accessor.Parent?.Parent;
            }

            BaseParameterListSyntax? parameters = member switch
            {
                BaseMethodDeclarationSyntax method => method.ParameterList,
                IndexerDeclarationSyntax indexer => indexer.ParameterList,
                _ => null,
            };

            foreach (ParameterSyntax parameter in parameters?.Parameters ?? default)
            {
                names.Add(parameter.Identifier.ValueText);
            }

            return names;
        }

        public void Record(SyntaxNode node)
        {
            // By kind, not by type: this runs on every node of every body that mentions a spec name.
            switch ((SyntaxKind)node.RawKind)
            {
                case SyntaxKind.VariableDeclarator:
                    var variable = (VariableDeclaratorSyntax)node;
                    Add(variable.Identifier.ValueText);
                    if (variable is { Initializer: { } initializer, Parent.Parent: LocalDeclarationStatementSyntax { IsConst: true } })
                    {
                        Constants[variable.Identifier.ValueText] = initializer.Value;
                    }

                    break;
                case SyntaxKind.SingleVariableDesignation:
                    Add(((SingleVariableDesignationSyntax)node).Identifier.ValueText);
                    break;
                case SyntaxKind.ForEachStatement:
                    Add(((ForEachStatementSyntax)node).Identifier.ValueText);
                    break;
                case SyntaxKind.CatchDeclaration when ((CatchDeclarationSyntax)node).Identifier.IsKind(SyntaxKind.IdentifierToken):
                    Add(((CatchDeclarationSyntax)node).Identifier.ValueText);
                    break;
                case SyntaxKind.Parameter:
                    Add(((ParameterSyntax)node).Identifier.ValueText);
                    break;
                case SyntaxKind.LocalFunctionStatement:
                    Add(((LocalFunctionStatementSyntax)node).Identifier.ValueText);
                    break;
                case SyntaxKind.FromClause:
                    Add(((FromClauseSyntax)node).Identifier.ValueText);
                    break;
                case SyntaxKind.LetClause:
                    Add(((LetClauseSyntax)node).Identifier.ValueText);
                    break;
                case SyntaxKind.JoinClause:
                    Add(((JoinClauseSyntax)node).Identifier.ValueText);
                    break;
                case SyntaxKind.JoinIntoClause:
                    Add(((JoinIntoClauseSyntax)node).Identifier.ValueText);
                    break;
                case SyntaxKind.QueryContinuation:
                    Add(((QueryContinuationSyntax)node).Identifier.ValueText);
                    break;
            }
        }

        private void Add(string name)
        {
            Counts.TryGetValue(name, out int count);
            Counts[name] = count + 1;
        }
    }
}
