using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Emr.Codegen.Analyzers.Flow
{
    /// <summary>The simple names of the spec types a compilation can see and of their members: a body that mentions none of them is skipped.</summary>
    internal static class SpecNames
    {
        private static readonly ConditionalWeakTable<Compilation, HashSet<string>> Cache = new ConditionalWeakTable<Compilation, HashSet<string>>();

        public static HashSet<string> For(Compilation compilation, SpecTypeCatalog catalog) => Cache.GetValue(compilation, c => Compute(c, catalog));

        private static HashSet<string> Compute(Compilation compilation, SpecTypeCatalog catalog)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var assemblies = new List<IAssemblySymbol> { compilation.Assembly };
            assemblies.AddRange(compilation.SourceModule.ReferencedAssemblySymbols);
            foreach (IAssemblySymbol assembly in assemblies)
            {
                // Only assemblies built against the runtime can hold generated types: the rest are never walked.
                if (SpecTypeCatalog.ReferencesRuntime(assembly))
                {
                    AddTypes(assembly.GlobalNamespace, catalog, names);
                }
            }

            return names;
        }

        private static void AddTypes(INamespaceOrTypeSymbol container, SpecTypeCatalog catalog, HashSet<string> names)
        {
            foreach (ISymbol member in container.GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    AddTypes(ns, catalog, names);
                }
                else if (member is INamedTypeSymbol type)
                {
                    if (catalog.Get(type) is SpecObjectInfo info)
                    {
                        names.Add(type.Name);
                        foreach (MemberModel specMember in info.Model.Members)
                        {
                            names.Add(GeneratedNames.PropertyName(specMember, info.Model).TrimStart('@'));
                        }
                    }

                    AddTypes(type, catalog, names);
                }
            }
        }
    }

    /// <summary>
    /// Chooses how a body is analyzed. Bodies that mention no spec type or member are skipped. A plain body (straight
    /// code and <c>if</c>s, requests created in locals and given members, values that are literals, constants,
    /// enumeration members or plainly not constant, requests leaving only by <c>return</c>) is followed over syntax,
    /// which costs no binding and gives the same verdicts; every other body is bound and its control-flow graph followed.
    /// </summary>
    internal static class BodySelector
    {
        public static bool MentionsSpec(SyntaxNode body, HashSet<string> names)
        {
            foreach (SyntaxToken token in body.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && names.Contains(token.ValueText))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the syntax walk follows this body exactly.</summary>
        public static bool IsPlain(SyntaxNode body, SyntaxValues values)
        {
            if (body is CompilationUnitSyntax)
            {
                return false;
            }

            // One walk in source order: a local is declared before any use of it, so it is tracked, and a name hiding a
            // constant is counted, before the uses are checked. Names declared later only in other blocks hide nothing there.
            var names = BodyNames.Start(body);
            Dictionary<string, int> declared = names.Counts;
            var tracked = new HashSet<string>(StringComparer.Ordinal);
            var tested = new HashSet<string>(StringComparer.Ordinal);
            foreach (SyntaxNode node in body.DescendantNodes())
            {
                names.Record(node);
                if (node is IfStatementSyntax ifStatement && TestedVariable(ifStatement.Condition) is string subject && !tested.Add(subject))
                {
                    // Two tests of one variable take the same branch on a path: the bound flow correlates them.
                    return false;
                }

                if (node is LocalDeclarationStatementSyntax { IsConst: false } declaration)
                {
                    foreach (VariableDeclaratorSyntax variable in declaration.Declaration.Variables)
                    {
                        if (variable.Initializer?.Value is { } value && SyntaxValues.Unwrap(value) is BaseObjectCreationExpressionSyntax creation
                            && values.CreatedObject(creation, creation is ImplicitObjectCreationExpressionSyntax ? values.ResolveType(declaration.Declaration.Type) : null) != null)
                        {
                            tracked.Add(variable.Identifier.ValueText);
                        }
                    }
                }

                if (!IsPlainNode(node, declared, tracked, values))
                {
                    return false;
                }
            }

            // The walk follows a tracked local by its name: one declared twice (in separate blocks) needs the bound flow.
            foreach (string name in tracked)
            {
                if (declared[name] > 1)
                {
                    return false;
                }
            }

            values.Remember(body, names);
            return body is BlockSyntax or ArrowExpressionClauseSyntax || IsPlainNode(body, declared, tracked, values);
        }

        private static bool IsPlainNode(SyntaxNode node, Dictionary<string, int> declared, HashSet<string> tracked, SyntaxValues values)
        {
            // By kind, not by type: this runs on every node of every body that mentions a spec name.
            switch ((SyntaxKind)node.RawKind)
            {
                case SyntaxKind.Block:
                case SyntaxKind.ExpressionStatement:
                case SyntaxKind.IfStatement:
                case SyntaxKind.ReturnStatement:
                case SyntaxKind.ThrowStatement:
                case SyntaxKind.EmptyStatement:
                    return true;
                case SyntaxKind.LocalDeclarationStatement:
                    var local = (LocalDeclarationStatementSyntax)node;
                    return local.UsingKeyword.IsKind(SyntaxKind.None) && local.AwaitKeyword.IsKind(SyntaxKind.None)
                        && (!local.IsConst || local.Declaration.Variables.All(v => v.Initializer?.Value is { } constant && IsLiteral(constant)));
                case SyntaxKind.SimpleLambdaExpression:
                case SyntaxKind.ParenthesizedLambdaExpression:
                case SyntaxKind.AnonymousMethodExpression:
                case SyntaxKind.DefaultExpression:
                case SyntaxKind.DefaultLiteralExpression:
                case SyntaxKind.CastExpression:
                case SyntaxKind.ConditionalAccessExpression:
                    return false;
                case SyntaxKind.PreIncrementExpression:
                case SyntaxKind.PreDecrementExpression:
                    return SyntaxValues.Unwrap(((PrefixUnaryExpressionSyntax)node).Operand) is IdentifierNameSyntax counter && !tracked.Contains(counter.Identifier.ValueText);
                case SyntaxKind.PostIncrementExpression:
                case SyntaxKind.PostDecrementExpression:
                    return SyntaxValues.Unwrap(((PostfixUnaryExpressionSyntax)node).Operand) is IdentifierNameSyntax postCounter && !tracked.Contains(postCounter.Identifier.ValueText);
                case SyntaxKind.SimpleAssignmentExpression:
                    return IsPlainAssignment((AssignmentExpressionSyntax)node, declared, tracked, values);
                case SyntaxKind.ObjectCreationExpression when ((ObjectCreationExpressionSyntax)node).ArgumentList is { Arguments.Count: > 0 }:
                    // A constructor with arguments is one written in a partial of the generated type (or not a spec type): the bound flow follows it.
                    return values.CreatedObject((ObjectCreationExpressionSyntax)node, null) is null;
                case SyntaxKind.ImplicitObjectCreationExpression when ((ImplicitObjectCreationExpressionSyntax)node).ArgumentList.Arguments.Count > 0:
                    return false;
                case SyntaxKind.ImplicitObjectCreationExpression:
                    // Its type is known to the walk only as a local's declared type or as the type of a spec member it initializes.
                    return node.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax } }
                        || (node.Parent is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax initializer } && initializer.IsKind(SyntaxKind.ObjectInitializerExpression) && IsSpecInitializer(initializer, values));
                case SyntaxKind.IdentifierName:
                    return !tracked.Contains(((IdentifierNameSyntax)node).Identifier.ValueText) || IsPlainUseOfTracked((IdentifierNameSyntax)node);
                default:
                    // Every other statement (loops, switch, try, using, local functions, ...) and every other assignment.
                    return node is not (StatementSyntax or AssignmentExpressionSyntax);
            }
        }

        /// <summary>The variable a condition tests (<c>flag</c>, <c>!flag</c>, <c>plan == "m"</c>, <c>plan is "m"</c>), as the bound flow remembers it.</summary>
        private static string? TestedVariable(ExpressionSyntax condition)
        {
            condition = SyntaxValues.Unwrap(condition);
            switch (condition)
            {
                case IdentifierNameSyntax identifier:
                    return identifier.Identifier.ValueText;
                case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } member:
                    return member.Name.Identifier.ValueText;
                case PrefixUnaryExpressionSyntax not when not.IsKind(SyntaxKind.LogicalNotExpression):
                    return TestedVariable(not.Operand);
                case BinaryExpressionSyntax comparison when comparison.IsKind(SyntaxKind.EqualsExpression) || comparison.IsKind(SyntaxKind.NotEqualsExpression):
                    return TestedVariable(comparison.Left) ?? TestedVariable(comparison.Right);
                case IsPatternExpressionSyntax isPattern:
                    return TestedVariable(isPattern.Expression);
                default:
                    return null;
            }
        }

        private static bool IsLiteral(ExpressionSyntax expression) =>
            expression is LiteralExpressionSyntax literal && !literal.IsKind(SyntaxKind.DefaultLiteralExpression)
            || expression is PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax } unary && unary.IsKind(SyntaxKind.UnaryMinusExpression);

        /// <summary>A request in a local is read (<c>r.PayMode</c>), given members, or returned; anything else needs the bound flow.</summary>
        private static bool IsPlainUseOfTracked(IdentifierNameSyntax identifier)
        {
            switch (identifier.Parent)
            {
                case MemberAccessExpressionSyntax access when access.Name == identifier:
                    return true;
                case MemberAccessExpressionSyntax access when access.Expression == identifier && access.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                    return access.Parent is not InvocationExpressionSyntax;
                case ReturnStatementSyntax:
                    return true;
                default:
                    return false;
            }
        }

        private static bool IsPlainAssignment(AssignmentExpressionSyntax assignment, Dictionary<string, int> declared, HashSet<string> tracked, SyntaxValues values)
        {
            if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
            {
                return false;
            }

            if (assignment.Parent is InitializerExpressionSyntax initializer && initializer.IsKind(SyntaxKind.ObjectInitializerExpression))
            {
                // A member of an initializer: its value must be one the walk reads as the compiler does (checked for every
                // initializer, which is cheaper than asking whether the object is one of the spec's).
                return assignment.Left is IdentifierNameSyntax && IsPlainValue(assignment.Right, declared, tracked, values);
            }

            if (assignment.Parent is not ExpressionStatementSyntax)
            {
                return false;
            }

            if (assignment.Left is IdentifierNameSyntax local)
            {
                return !tracked.Contains(local.Identifier.ValueText);
            }

            ExpressionSyntax target = assignment.Left;
            while (target is MemberAccessExpressionSyntax access && access.IsKind(SyntaxKind.SimpleMemberAccessExpression))
            {
                target = access.Expression;
            }

            // An object created here and attached later may still be completed: the bound flow judges it with its owner.
            return target is IdentifierNameSyntax root && tracked.Contains(root.Identifier.ValueText) && IsPlainValue(assignment.Right, declared, tracked, values)
                && SyntaxValues.Unwrap(assignment.Right) is not BaseObjectCreationExpressionSyntax;
        }

        private static bool IsSpecInitializer(InitializerExpressionSyntax initializer, SyntaxValues values) =>
            initializer.Parent is not BaseObjectCreationExpressionSyntax creation || creation is ImplicitObjectCreationExpressionSyntax || values.CreatedObject(creation, null) != null;

        /// <summary>A value the walk reads exactly as the compiler would: a literal, a constant, an enumeration member, or plainly not a constant.</summary>
        private static bool IsPlainValue(ExpressionSyntax value, Dictionary<string, int> declared, HashSet<string> tracked, SyntaxValues values)
        {
            ExpressionSyntax expression = value;
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            switch (expression)
            {
                case LiteralExpressionSyntax:
                    return !expression.IsKind(SyntaxKind.DefaultLiteralExpression);
                case PrefixUnaryExpressionSyntax unary:
                    return unary.IsKind(SyntaxKind.UnaryMinusExpression) && unary.Operand is LiteralExpressionSyntax;
                case PostfixUnaryExpressionSyntax bang when bang.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    return IsPlainValue(bang.Operand, declared, tracked, values);
                case IdentifierNameSyntax identifier:
                    {
                        string name = identifier.Identifier.ValueText;
                        if (tracked.Contains(name))
                        {
                            return false;
                        }

                        if (declared.TryGetValue(name, out int count))
                        {
                            return count == 1;
                        }

                        // using static brings enumeration members in by their bare names: the bound flow reads those.
                        return values.ResolveValue(identifier) is not (IPropertySymbol { IsStatic: true } or IFieldSymbol { IsStatic: true, IsConst: false });
                    }

                case MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                    {
                        ExpressionSyntax leftmost = access;
                        while (leftmost is MemberAccessExpressionSyntax inner)
                        {
                            leftmost = inner.Expression;
                        }

                        return leftmost is IdentifierNameSyntax or AliasQualifiedNameSyntax or PredefinedTypeSyntax
                            && !(leftmost is IdentifierNameSyntax left && (declared.ContainsKey(left.Identifier.ValueText) || tracked.Contains(left.Identifier.ValueText)));
                    }

                case BaseObjectCreationExpressionSyntax creation when creation.Initializer is null || creation.Initializer.IsKind(SyntaxKind.ObjectInitializerExpression):
                    // The members of an initializer are checked on their own as the walk over every node reaches them.
                    return true;
                case CollectionExpressionSyntax or ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or BaseObjectCreationExpressionSyntax:
                    return SyntaxValues.ListItems(expression) is { } items && items.All(item => IsPlainValue(item, declared, tracked, values));
                case InvocationExpressionSyntax invocation:
                    return !(invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" });
                default:
                    return false;
            }
        }
    }
}
