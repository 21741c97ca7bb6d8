using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Emr.Codegen.Runtime.Rules;
using Emr.Codegen.Spec;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Emr.Codegen.Analyzers
{
    /// <summary>
    /// Follows requests through a plain body (see <see cref="Flow.BodySelector"/>), path by path, over syntax: an
    /// initializer, then property assignments, across branches. A request held in a local is judged by the values it holds when it leaves the
    /// method's hands (passed on, returned, stored, captured) or, if it never does, at the end of the body; one
    /// created in place is judged where it is created. Paths are kept apart, so values from branches that cannot
    /// both run are never combined.
    /// </summary>
    internal sealed class FlowWalker
    {
        /// <summary>Beyond this many paths the walk stops and the body is followed over its bound control-flow graph instead.</summary>
        private const int MaxPaths = 64;

        private readonly SyntaxValues _values;
        private readonly SemanticModel _model;
        private readonly Action<Diagnostic> _report;
        private readonly SyntaxNode _body;
        private readonly HashSet<string> _declared = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _escaped = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _everTracked = new HashSet<string>(StringComparer.Ordinal);
        private bool _gaveUp;

        /// <summary>
        /// In code no path reaches (a branch a constant condition rules out, statements after every path returned or
        /// threw): its values are still checked one by one, as the bound tier checks them, but no request is judged there.
        /// </summary>
        private bool _unreachable;

        private FlowWalker(SyntaxValues values, SemanticModel model, SyntaxNode body, Action<Diagnostic> report)
        {
            _values = values;
            _model = model;
            _body = body;
            _report = report;
        }

        /// <summary>One path: what each tracked local holds.</summary>
        private sealed class PathState
        {
            public PathState(SmallMap<AbstractObject> locals) => Locals = locals;

            public SmallMap<AbstractObject> Locals { get; }

            public AbstractObject? Get(string name) => Locals.Get(name);
        }

        /// <summary>Analyzes a body: a block, an expression body, or the statements of a program. False when it has too many paths to follow.</summary>
        public static bool Analyze(SyntaxNode body, SyntaxValues values, SemanticModel model, Action<Diagnostic> report)
        {
            var walker = new FlowWalker(values, model, body, report);
            var paths = new List<PathState> { new PathState(SmallMap<AbstractObject>.Empty) };
            if (body is CompilationUnitSyntax unit)
            {
                foreach (GlobalStatementSyntax statement in unit.Members.OfType<GlobalStatementSyntax>())
                {
                    paths = walker.Walk(statement.Statement, paths);
                }
            }
            else
            {
                paths = walker.Walk(body, paths);
            }

            if (walker._gaveUp)
            {
                return false;
            }

            // Requests that never left the method are judged as they end up.
            foreach (string local in walker._everTracked.Where(l => !walker._escaped.Contains(l)))
            {
                walker.Judge(local, paths);
            }

            return true;
        }

        private List<PathState> Walk(SyntaxNode? node, List<PathState> paths)
        {
            if (node is null || _gaveUp)
            {
                return paths;
            }

            if (paths.Count == 0)
            {
                // Code no path reaches (after a return or throw): its values are still checked one by one, as the
                // compiler binds them, on a path of its own that judges nothing.
                if (!_unreachable)
                {
                    WalkBranch(node is StatementSyntax statement ? statement : null, new List<PathState> { new PathState(SmallMap<AbstractObject>.Empty) }, reachable: false);
                }

                return paths;
            }

            switch (node)
            {
                case BlockSyntax block:
                    foreach (StatementSyntax statement in block.Statements)
                    {
                        paths = Walk(statement, paths);
                    }

                    return paths;
                case ArrowExpressionClauseSyntax arrow:
                    return Scan(arrow.Expression, paths);
                case LocalDeclarationStatementSyntax declaration:
                    return Declare(declaration.Declaration, paths);
                case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment } when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                    return Assignment(assignment, paths);
                case IfStatementSyntax ifStatement:
                    paths = Scan(ifStatement.Condition, paths);
                    bool? condition = _values.Constant(ifStatement.Condition, null, _body) is { Kind: SpecValueKind.Boolean } constant ? constant.Text == "true" : null;
                    List<PathState> whenTrue = WalkBranch(ifStatement.Statement, paths, reachable: condition != false);
                    List<PathState> whenFalse = ifStatement.Else is null ? (condition == true ? new List<PathState>() : paths) : WalkBranch(ifStatement.Else.Statement, paths, reachable: condition != true);
                    return Join(whenTrue, whenFalse);
                case WhileStatementSyntax whileStatement:
                    paths = Scan(whileStatement.Condition, paths);
                    return Join(paths, Walk(whileStatement.Statement, paths));
                case DoStatementSyntax doStatement:
                    paths = Walk(doStatement.Statement, paths);
                    return Scan(doStatement.Condition, paths);
                case ForStatementSyntax forStatement:
                    paths = forStatement.Declaration is null ? paths : Declare(forStatement.Declaration, paths);
                    foreach (ExpressionSyntax initializer in forStatement.Initializers)
                    {
                        paths = Scan(initializer, paths);
                    }

                    return Join(paths, Walk(forStatement.Statement, paths));
                case CommonForEachStatementSyntax forEach:
                    paths = Scan(forEach.Expression, paths);
                    return Join(paths, Walk(forEach.Statement, paths));
                case SwitchStatementSyntax switchStatement:
                    paths = Scan(switchStatement.Expression, paths);
                    var afterSwitch = new List<PathState>();
                    bool hasDefault = false;
                    foreach (SwitchSectionSyntax section in switchStatement.Sections)
                    {
                        hasDefault |= section.Labels.Any(l => l.IsKind(SyntaxKind.DefaultSwitchLabel));
                        List<PathState> sectionPaths = paths;
                        foreach (StatementSyntax statement in section.Statements)
                        {
                            sectionPaths = Walk(statement, sectionPaths);
                        }

                        afterSwitch = Join(afterSwitch, sectionPaths);
                    }

                    return hasDefault ? afterSwitch : Join(afterSwitch, paths);
                case TryStatementSyntax tryStatement:
                    List<PathState> afterTry = Walk(tryStatement.Block, paths);
                    foreach (CatchClauseSyntax catchClause in tryStatement.Catches)
                    {
                        afterTry = Join(afterTry, Walk(catchClause.Block, Join(paths, afterTry)));
                    }

                    return tryStatement.Finally is null ? afterTry : Walk(tryStatement.Finally.Block, afterTry);
                case UsingStatementSyntax usingStatement:
                    paths = usingStatement.Declaration is null ? Scan(usingStatement.Expression, paths) : Declare(usingStatement.Declaration, paths);
                    return Walk(usingStatement.Statement, paths);
                case LockStatementSyntax lockStatement:
                    return Walk(lockStatement.Statement, Scan(lockStatement.Expression, paths));
                case CheckedStatementSyntax checkedStatement:
                    return Walk(checkedStatement.Block, paths);
                case UnsafeStatementSyntax unsafeStatement:
                    return Walk(unsafeStatement.Block, paths);
                case FixedStatementSyntax fixedStatement:
                    return Walk(fixedStatement.Statement, Declare(fixedStatement.Declaration, paths));
                case LabeledStatementSyntax labeled:
                    return Walk(labeled.Statement, paths);
                case ReturnStatementSyntax:
                    // The body ends here: a request still held on a path never left on it, and is judged as it ends up
                    // (a plain body lets a request go only by returning it, which ends the path too).
                    var before = new HashSet<string>(_escaped, StringComparer.Ordinal);
                    var returned = new HashSet<string>(StringComparer.Ordinal);
                    _escaped.Clear();
                    Scan(node, paths);
                    returned.UnionWith(_escaped);
                    _escaped.UnionWith(before);
                    foreach (string held in _everTracked.Where(l => !returned.Contains(l)))
                    {
                        Judge(held, paths);
                    }

                    return new List<PathState>();
                case ThrowStatementSyntax:
                    Scan(node, paths);
                    return new List<PathState>();
                case LocalFunctionStatementSyntax localFunction:
                    return Scan(localFunction, paths);
                default:
                    return Scan(node, paths);
            }
        }

        /// <summary>Walks a branch; one that cannot run leaves no path and lets no request go.</summary>
        private List<PathState> WalkBranch(StatementSyntax? branch, List<PathState> paths, bool reachable)
        {
            if (branch is null)
            {
                return reachable ? paths : new List<PathState>();
            }

            if (reachable || _unreachable)
            {
                List<PathState> after = Walk(branch, paths);
                return reachable ? after : new List<PathState>();
            }

            var escaped = new HashSet<string>(_escaped, StringComparer.Ordinal);
            _unreachable = true;
            Walk(branch, paths);
            _unreachable = false;
            _escaped.Clear();
            _escaped.UnionWith(escaped);
            return new List<PathState>();
        }

        private List<PathState> Declare(VariableDeclarationSyntax declaration, List<PathState> paths)
        {
            foreach (VariableDeclaratorSyntax variable in declaration.Variables)
            {
                string name = variable.Identifier.ValueText;
                _declared.Add(name);
                ITypeSymbol? declaredType = variable.Initializer?.Value is ImplicitObjectCreationExpressionSyntax ? _values.ResolveType(declaration.Type) : null;
                paths = Assign(name, variable.Initializer?.Value, declaredType, paths);
            }

            return paths;
        }

        private List<PathState> Assignment(AssignmentExpressionSyntax assignment, List<PathState> paths)
        {
            if (assignment.Left is IdentifierNameSyntax local && _declared.Contains(local.Identifier.ValueText))
            {
                string name = local.Identifier.ValueText;
                return Assign(name, assignment.Right, paths.Select(p => p.Get(name)?.Info.Type).FirstOrDefault(t => t != null), paths);
            }

            // r.A.B = value, with r tracked.
            var segments = new List<string>();
            ExpressionSyntax target = assignment.Left;
            while (target is MemberAccessExpressionSyntax access && access.IsKind(SyntaxKind.SimpleMemberAccessExpression))
            {
                segments.Insert(0, access.Name.Identifier.ValueText);
                target = access.Expression;
            }

            if (target is not IdentifierNameSyntax root || !_everTracked.Contains(root.Identifier.ValueText) || segments.Count == 0)
            {
                return Scan(assignment, paths);
            }

            paths = Scan(assignment.Right, paths);
            string rootName = root.Identifier.ValueText;
            bool checkedValue = false;
            var result = new List<PathState>(paths.Count);
            foreach (PathState path in paths)
            {
                AbstractObject? obj = path.Get(rootName);
                if (obj is null)
                {
                    if (_unreachable && !checkedValue && assignment.Left is MemberAccessExpressionSyntax member)
                    {
                        // Unreachable, so the request is not followed there; the value is checked all the same.
                        checkedValue = true;
                        CheckUntrackedAssignment(member, assignment.Right);
                    }

                    result.Add(path);
                    continue;
                }

                AbstractObject? updated = Update(obj, segments, 0, assignment.Right, path, ref checkedValue);
                result.Add(new PathState(updated is null ? path.Locals.Remove(rootName) : path.Locals.Set(rootName, updated)));
            }

            return result;
        }

        private AbstractObject? Update(AbstractObject obj, List<string> segments, int index, ExpressionSyntax value, PathState path, ref bool checkedValue)
        {
            if (obj.Info.MemberFor(segments[index]) is not SpecMember target)
            {
                // A property of a partial of the generated type: its setter may set spec members, which the bound flow follows.
                _gaveUp = true;
                return obj;
            }

            if (index == segments.Count - 1)
            {
                if (!checkedValue)
                {
                    // A single value is wrong whatever the path: check it once.
                    checkedValue = true;
                    _values.CheckValue(target, value, obj.Info, _body, _report);
                    CheckCreatedValues(value, target.Property.Type);
                }

                AbstractValue read = _values.Read(value, target.Property, target.Member, obj.Info, _body, path.Get);
                if (read.Object != null && SyntaxValues.Unwrap(value) is BaseObjectCreationExpressionSyntax)
                {
                    // Created in an assignment, not an initializer: it is checked where it is created.
                    read = new AbstractValue(read.Known, read.Syntax, new AbstractObject(read.Object.Info, read.Object.Syntax, read.Object.Members, checkedOnItsOwn: true));
                }

                return obj.With(target.Member.Name, read);
            }

            AbstractValue? nested = obj.Members.Get(target.Member.Name);
            if (nested?.Object is null)
            {
                // The nested object is not one the analysis follows; what it holds is unknown, but the value given to
                // its member is checked on its own, as wherever else a member is given a value.
                if (!checkedValue)
                {
                    checkedValue = true;
                    CheckNestedValue(target, segments, index + 1, value);
                }

                return obj.With(target.Member.Name, new AbstractValue(nested?.Known.State == KnownState.Absent ? KnownValue.PresentUnknown : nested?.Known ?? KnownValue.Unknown, nested?.Syntax));
            }

            AbstractObject? updated = Update(nested!.Object!, segments, index + 1, value, path, ref checkedValue);
            return updated is null ? null : obj.With(target.Member.Name, new AbstractValue(nested.Known, nested.Syntax, updated));
        }

        /// <summary>Checks the value given at the end of <paramref name="segments"/>, from <paramref name="index"/> on, below a member of an object the walk does not follow.</summary>
        private void CheckNestedValue(SpecMember owner, List<string> segments, int index, ExpressionSyntax value)
        {
            SpecMember current = owner;
            for (int i = index; i < segments.Count; i++)
            {
                if (_values.Catalog.Get(SpecTypeCatalog.UnwrapNullable(current.Property.Type)) is not SpecObjectInfo info || info.MemberFor(segments[i]) is not SpecMember member)
                {
                    return;
                }

                if (i == segments.Count - 1)
                {
                    _values.CheckValue(member, value, info, _body, _report);
                    CheckCreatedValues(value, member.Property.Type);
                    return;
                }

                current = member;
            }
        }

        /// <summary>A local is given a value: a new request starts being tracked; anything else ends tracking.</summary>
        private List<PathState> Assign(string local, ExpressionSyntax? value, ITypeSymbol? declaredType, List<PathState> paths)
        {
            if (value != null && SyntaxValues.Unwrap(value) is BaseObjectCreationExpressionSyntax creation && _values.CreatedObject(creation, declaredType) is SpecObjectInfo info)
            {
                CheckInitializerValues(creation, info);
                paths = ScanCreation(creation, paths);
                _everTracked.Add(local);
                return paths.Select(p => new PathState(p.Locals.Set(local, _values.ReadCreation(creation, info, _body, p.Get)))).ToList();
            }

            paths = Scan(value, paths);
            return paths.Select(p => p.Locals.ContainsKey(local) ? new PathState(p.Locals.Remove(local)) : p).ToList();
        }

        /// <summary>Single values in an initializer, and in the objects created inside it.</summary>
        private void CheckInitializerValues(BaseObjectCreationExpressionSyntax creation, SpecObjectInfo info)
        {
            if (creation.Initializer is not { } initializer || !initializer.IsKind(SyntaxKind.ObjectInitializerExpression))
            {
                return;
            }

            foreach (ExpressionSyntax item in initializer.Expressions)
            {
                if (item is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment && info.MemberFor(name.Identifier.ValueText) is SpecMember target && assignment.Right is not InitializerExpressionSyntax)
                {
                    _values.CheckValue(target, assignment.Right, info, _body, _report);
                    CheckCreatedValues(assignment.Right, target.Property.Type);
                }
            }
        }

        /// <summary>Objects created in a value: a nested object's values, and list items, which are judged on their own.</summary>
        private void CheckCreatedValues(ExpressionSyntax value, ITypeSymbol? type)
        {
            if (SyntaxValues.Unwrap(value) is BaseObjectCreationExpressionSyntax creation && _values.CreatedObject(creation, type) is SpecObjectInfo nested)
            {
                CheckInitializerValues(creation, nested);
                return;
            }

            if (SyntaxValues.ListItems(value) is { } items && type is INamedTypeSymbol { IsGenericType: true } list)
            {
                foreach (ExpressionSyntax item in items)
                {
                    if (SyntaxValues.Unwrap(item) is BaseObjectCreationExpressionSyntax itemCreation && _values.CreatedObject(itemCreation, list.TypeArguments[0]) is SpecObjectInfo itemInfo)
                    {
                        CheckInitializerValues(itemCreation, itemInfo);
                        Checks.CheckRules(_values.ReadCreation(itemCreation, itemInfo, _body, null), _report);
                    }
                }
            }
        }

        private List<PathState> Scan(SyntaxNode? node, List<PathState> paths) => node is null ? paths : ScanNode(node, paths, inFunction: false);

        /// <summary>Scans what a creation holds; literals and nested object initializers need no scan of their own.</summary>
        private List<PathState> ScanCreation(BaseObjectCreationExpressionSyntax creation, List<PathState> paths)
        {
            paths = Scan(creation.ArgumentList, paths);
            if (creation.Initializer is not { } initializer)
            {
                return paths;
            }

            foreach (ExpressionSyntax item in initializer.Expressions)
            {
                ExpressionSyntax value = item is AssignmentExpressionSyntax assignment ? assignment.Right : item;
                switch (SyntaxValues.Unwrap(value))
                {
                    case LiteralExpressionSyntax:
                        break;
                    case BaseObjectCreationExpressionSyntax nested:
                        paths = ScanCreation(nested, paths);
                        break;
                    case InitializerExpressionSyntax nestedInitializer:
                        paths = Scan(nestedInitializer, paths);
                        break;
                    default:
                        paths = Scan(value, paths);
                        break;
                }
            }

            return paths;
        }

        /// <summary>
        /// Finds, inside an expression or statement, requests created in place (judged there) and tracked locals that
        /// leave the method's hands (judged there). A local captured by a lambda or local function is judged, then no
        /// longer followed: the capture may change it at any time. Lambdas are analyzed as bodies of their own.
        /// </summary>
        private List<PathState> ScanNode(SyntaxNode node, List<PathState> paths, bool inFunction)
        {
            switch (node)
            {
                case AnonymousFunctionExpressionSyntax lambda when !inFunction:
                    Analyze(lambda.Body, _values, _model, _report);
                    return ScanChildrenIn(lambda, paths);
                case LocalFunctionStatementSyntax localFunction when !inFunction:
                    if (((SyntaxNode?)localFunction.Body ?? localFunction.ExpressionBody) is { } body)
                    {
                        Analyze(body, _values, _model, _report);
                    }

                    return ScanChildrenIn(localFunction, paths);
                case BaseObjectCreationExpressionSyntax creation when !inFunction && !IsInSpecInitializer(creation) && _values.CreatedObject(creation, null) is SpecObjectInfo info:
                    CheckInitializerValues(creation, info);
                    if (!_unreachable)
                    {
                        Checks.CheckRules(_values.ReadCreation(creation, info, _body, null), _report);
                    }

                    return ScanCreation(creation, paths);
                case AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax member } assignment when !inFunction && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                    && !(member.Expression is IdentifierNameSyntax receiver && _everTracked.Contains(receiver.Identifier.ValueText)):
                    CheckUntrackedAssignment(member, assignment.Right);
                    break;
                case IdentifierNameSyntax identifier when _everTracked.Contains(identifier.Identifier.ValueText):
                    // Reading or setting a member (r.PayMode) does not let the request go; anything else does, calls on it included.
                    if (!inFunction && identifier.Parent is MemberAccessExpressionSyntax access && access.Expression == identifier && access.Parent is not InvocationExpressionSyntax)
                    {
                        return paths;
                    }

                    if (identifier.Parent is MemberAccessExpressionSyntax qualified && qualified.Name == identifier)
                    {
                        return paths;
                    }

                    string name = identifier.Identifier.ValueText;
                    _escaped.Add(name);
                    Judge(name, paths);
                    return inFunction ? paths.Select(p => new PathState(p.Locals.Remove(name))).ToList() : paths;
            }

            foreach (SyntaxNodeOrToken child in node.ChildNodesAndTokens())
            {
                if (child.AsNode() is SyntaxNode childNode)
                {
                    paths = ScanNode(childNode, paths, inFunction);
                }
            }

            return paths;
        }

        /// <summary>Whether a creation is a value in another request's initializer, which checks it with its own.</summary>
        private bool IsInSpecInitializer(SyntaxNode creation)
        {
            for (SyntaxNode? node = creation.Parent; node != null; node = node.Parent)
            {
                switch (node)
                {
                    case ExpressionElementSyntax or CollectionExpressionSyntax or ParenthesizedExpressionSyntax or CastExpressionSyntax:
                        continue;
                    case InitializerExpressionSyntax initializer when !initializer.IsKind(SyntaxKind.ObjectInitializerExpression):
                        continue;
                    case BaseObjectCreationExpressionSyntax or ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax when node.Parent is AssignmentExpressionSyntax:
                        continue;
                    case AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax owner } initializer } when initializer.IsKind(SyntaxKind.ObjectInitializerExpression):
                        return _values.CreatedObject(owner, null) != null || owner is ImplicitObjectCreationExpressionSyntax;
                    default:
                        return false;
                }
            }

            return false;
        }

        private List<PathState> ScanChildrenIn(SyntaxNode function, List<PathState> paths)
        {
            foreach (SyntaxNodeOrToken child in function.ChildNodesAndTokens())
            {
                if (child.AsNode() is SyntaxNode childNode)
                {
                    paths = ScanNode(childNode, paths, inFunction: true);
                }
            }

            return paths;
        }

        /// <summary><c>request.ProductId = 3</c> on a request this body did not create: checked when the value is a literal.</summary>
        private void CheckUntrackedAssignment(MemberAccessExpressionSyntax member, ExpressionSyntax value)
        {
            if (SyntaxValues.Unwrap(value) is not (LiteralExpressionSyntax or PrefixUnaryExpressionSyntax or MemberAccessExpressionSyntax or CollectionExpressionSyntax))
            {
                return;
            }

            // Rare enough to afford binding the receiver.
            if (_model.GetSymbolInfo(member).Symbol is IPropertySymbol property && _values.Catalog.Get(property.ContainingType) is SpecObjectInfo owner
                && owner.MemberFor(property.Name) is SpecMember target)
            {
                _values.CheckValue(target, value, owner, _body, _report);
            }
        }

        private void Judge(string local, List<PathState> paths)
        {
            if (_gaveUp || _unreachable)
            {
                return;
            }

            foreach (PathState path in paths)
            {
                if (path.Get(local) is AbstractObject obj)
                {
                    Checks.CheckRules(obj, _report);
                }
            }
        }

        private List<PathState> Join(List<PathState> first, List<PathState> second)
        {
            if (ReferenceEquals(first, second))
            {
                return first;
            }

            var joined = new List<PathState>(first.Count + second.Count);
            joined.AddRange(first);
            foreach (PathState path in second)
            {
                if (!joined.Contains(path))
                {
                    joined.Add(path);
                }
            }

            if (joined.Count > MaxPaths)
            {
                _gaveUp = true;
            }

            return joined;
        }
    }
}
