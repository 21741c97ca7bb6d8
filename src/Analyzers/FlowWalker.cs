using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Emr.Codegen.Analyzers
{
    /// <summary>
    /// Follows requests held in locals through a method body, path by path: an initializer, then property
    /// assignments, across branches and loops. A request is judged by the values it holds when it leaves the
    /// method's hands (passed on, returned, stored, captured) or, if it never does, at the end of the body.
    /// Paths are kept apart, so values from branches that cannot both run are never combined.
    /// </summary>
    internal sealed class FlowWalker
    {
        /// <summary>Beyond this many paths the analysis gives up on a body rather than guess.</summary>
        private const int MaxPaths = 64;

        private readonly SpecTypeCatalog _catalog;
        private readonly Action<Diagnostic> _report;
        private readonly HashSet<ILocalSymbol> _escaped = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        private readonly HashSet<ILocalSymbol> _everTracked = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        private bool _gaveUp;

        private FlowWalker(SpecTypeCatalog catalog, Action<Diagnostic> report)
        {
            _catalog = catalog;
            _report = report;
        }

        /// <summary>One path: what each tracked local holds.</summary>
        private sealed class PathState
        {
            public PathState(ImmutableDictionary<ILocalSymbol, AbstractObject> locals) => Locals = locals;

            public ImmutableDictionary<ILocalSymbol, AbstractObject> Locals { get; }
        }

        public static void Analyze(IOperation body, SpecTypeCatalog catalog, Action<Diagnostic> report)
        {
            var walker = new FlowWalker(catalog, report);
            var start = new List<PathState> { new PathState(ImmutableDictionary.Create<ILocalSymbol, AbstractObject>(SymbolEqualityComparer.Default)) };
            List<PathState> end = walker.Walk(body, start);
            if (walker._gaveUp)
            {
                return;
            }

            // Requests that never left the method are judged as they end up.
            foreach (ILocalSymbol local in walker._everTracked.Where(l => !walker._escaped.Contains(l)))
            {
                walker.Judge(local, end);
            }
        }

        private List<PathState> Walk(IOperation? operation, List<PathState> paths)
        {
            if (operation is null || paths.Count == 0 || _gaveUp)
            {
                return paths;
            }

            switch (operation)
            {
                case IMethodBodyOperation method:
                    return Walk(method.BlockBody ?? method.ExpressionBody, paths);
                case IConstructorBodyOperation constructor:
                    return Walk(constructor.BlockBody ?? constructor.ExpressionBody, Walk(constructor.Initializer, paths));
                case IBlockOperation block:
                    foreach (IOperation statement in block.Operations)
                    {
                        paths = Walk(statement, paths);
                    }

                    return paths;
                case IVariableDeclarationGroupOperation group:
                    foreach (IVariableDeclaratorOperation declarator in group.Declarations.SelectMany(d => d.Declarators))
                    {
                        IOperation? initializer = declarator.Initializer?.Value ?? declarator.GetVariableInitializer()?.Value;
                        paths = Assign(declarator.Symbol, initializer, paths);
                    }

                    return paths;
                case IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment }:
                    return Assignment(assignment, paths);
                case IConditionalOperation conditional:
                    paths = Scan(conditional.Condition, paths);
                    List<PathState> whenTrue = Walk(conditional.WhenTrue, paths);
                    List<PathState> whenFalse = conditional.WhenFalse is null ? paths : Walk(conditional.WhenFalse, paths);
                    return Join(whenTrue, whenFalse);
                case IWhileLoopOperation whileLoop:
                    paths = Scan(whileLoop.Condition, paths);
                    return Join(paths, Walk(whileLoop.Body, paths));
                case IForLoopOperation forLoop:
                    foreach (IOperation before in forLoop.Before)
                    {
                        paths = Walk(before, paths);
                    }

                    return Join(paths, Walk(forLoop.Body, paths));
                case IForEachLoopOperation forEach:
                    paths = Scan(forEach.Collection, paths);
                    return Join(paths, Walk(forEach.Body, paths));
                case ISwitchOperation switchOperation:
                    paths = Scan(switchOperation.Value, paths);
                    var afterSwitch = new List<PathState>();
                    bool hasDefault = false;
                    foreach (ISwitchCaseOperation switchCase in switchOperation.Cases)
                    {
                        hasDefault |= switchCase.Clauses.Any(c => c.CaseKind == CaseKind.Default);
                        List<PathState> casePaths = paths;
                        foreach (IOperation body in switchCase.Body)
                        {
                            casePaths = Walk(body, casePaths);
                        }

                        afterSwitch = Join(afterSwitch, casePaths);
                    }

                    return hasDefault ? afterSwitch : Join(afterSwitch, paths);
                case ITryOperation tryOperation:
                    List<PathState> afterTry = Walk(tryOperation.Body, paths);
                    foreach (ICatchClauseOperation catchClause in tryOperation.Catches)
                    {
                        afterTry = Join(afterTry, Walk(catchClause.Handler, Join(paths, afterTry)));
                    }

                    return Walk(tryOperation.Finally, afterTry);
                case IUsingOperation usingOperation:
                    return Walk(usingOperation.Body, Scan(usingOperation.Resources, paths));
                case ILockOperation lockOperation:
                    return Walk(lockOperation.Body, Scan(lockOperation.LockedValue, paths));
                case ILabeledOperation labeled:
                    return Walk(labeled.Operation, paths);
                case IReturnOperation or IThrowOperation:
                    Scan(operation, paths);
                    return new List<PathState>();
                case IExpressionStatementOperation { Operation: IThrowOperation }:
                    Scan(operation, paths);
                    return new List<PathState>();
                default:
                    return Scan(operation, paths);
            }
        }

        private List<PathState> Assignment(ISimpleAssignmentOperation assignment, List<PathState> paths)
        {
            IOperation target = ValueReader.Unwrap(assignment.Target);
            if (target is ILocalReferenceOperation local)
            {
                return Assign(local.Local, assignment.Value, paths);
            }

            // r.A.B = value, with r tracked.
            var segments = new List<IPropertySymbol>();
            IOperation? instance = target;
            while (instance is IPropertyReferenceOperation property)
            {
                segments.Insert(0, property.Property);
                instance = property.Instance is null ? null : ValueReader.Unwrap(property.Instance);
            }

            if (instance is not ILocalReferenceOperation root || !_everTracked.Contains(root.Local) || segments.Count == 0)
            {
                return Scan(assignment, paths);
            }

            paths = Scan(assignment.Value, paths);
            var result = new List<PathState>(paths.Count);
            foreach (PathState path in paths)
            {
                if (!path.Locals.TryGetValue(root.Local, out AbstractObject? obj))
                {
                    result.Add(path);
                    continue;
                }

                AbstractObject? updated = Update(obj, segments, 0, assignment.Value, path);
                result.Add(new PathState(updated is null ? path.Locals.Remove(root.Local) : path.Locals.SetItem(root.Local, updated)));
            }

            return result;
        }

        private AbstractObject? Update(AbstractObject obj, List<IPropertySymbol> segments, int index, IOperation value, PathState path)
        {
            if (obj.Info.MemberFor(segments[index]) is not Spec.Model.MemberModel member)
            {
                return obj;
            }

            if (index == segments.Count - 1)
            {
                AbstractValue read = ValueReader.Read(value, segments[index].Type, member, obj.Info, _catalog, l => path.Locals.TryGetValue(l, out AbstractObject? o) ? o : null);
                if (read.Object != null && ValueReader.Unwrap(value) is IObjectCreationOperation)
                {
                    // Created in an assignment, not an initializer: it is checked where it is created.
                    read = new AbstractValue(read.Known, read.Syntax, new AbstractObject(read.Object.Info, read.Object.Syntax, read.Object.Members, checkedOnItsOwn: true));
                }

                return obj.With(member.Name, read);
            }

            if (!obj.Members.TryGetValue(member.Name, out AbstractValue? nested) || nested.Object is null)
            {
                // The nested object is not one the analysis follows; what it holds is unknown.
                return obj.With(member.Name, new AbstractValue(nested?.Known.State == Spec.KnownState.Absent ? Spec.KnownValue.PresentUnknown : nested?.Known ?? Spec.KnownValue.Unknown, nested?.Syntax));
            }

            AbstractObject? updated = Update(nested.Object, segments, index + 1, value, path);
            return updated is null ? null : obj.With(member.Name, new AbstractValue(nested.Known, nested.Syntax, updated));
        }

        /// <summary>A local is given a value: a new request starts being tracked; anything else ends tracking.</summary>
        private List<PathState> Assign(ILocalSymbol local, IOperation? value, List<PathState> paths)
        {
            if (value != null && ValueReader.Unwrap(value) is IObjectCreationOperation creation && _catalog.Get(creation.Type) is SpecObjectInfo info)
            {
                paths = Scan(creation, paths, skipRoot: true);
                _everTracked.Add(local);
                return paths.Select(p => new PathState(p.Locals.SetItem(local, ValueReader.ReadCreation(creation, info, _catalog, l => p.Locals.TryGetValue(l, out AbstractObject? o) ? o : null)))).ToList();
            }

            paths = Scan(value, paths);
            return paths.Select(p => p.Locals.ContainsKey(local) ? new PathState(p.Locals.Remove(local)) : p).ToList();
        }

        /// <summary>
        /// Finds tracked locals that leave the method's hands inside an operation, and judges them there.
        /// A local captured by a lambda or local function is judged, then no longer followed: the capture
        /// may change it at any time. Lambdas and local functions are analyzed as bodies of their own.
        /// </summary>
        private List<PathState> Scan(IOperation? operation, List<PathState> paths, bool skipRoot = false)
        {
            if (operation is null || paths.Count == 0)
            {
                return paths;
            }

            var captured = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            foreach (IOperation descendant in skipRoot ? operation.Descendants() : operation.DescendantsAndSelf())
            {
                if (descendant is IAnonymousFunctionOperation lambda)
                {
                    Analyze(lambda.Body, _catalog, _report);
                    continue;
                }

                if (descendant is ILocalFunctionOperation localFunction)
                {
                    Analyze((IOperation?)localFunction.Body ?? localFunction.IgnoredBody!, _catalog, _report);
                    continue;
                }

                if (descendant is not ILocalReferenceOperation reference || !_everTracked.Contains(reference.Local))
                {
                    continue;
                }

                bool inFunction = IsInsideFunction(descendant, operation);

                // Reading or setting a member (r.PayMode) does not let the request go; anything else does.
                if (!inFunction && descendant.Parent is IPropertyReferenceOperation property && property.Instance == descendant)
                {
                    continue;
                }

                _escaped.Add(reference.Local);
                Judge(reference.Local, paths);
                if (inFunction)
                {
                    captured.Add(reference.Local);
                }
            }

            return captured.Count == 0 ? paths : paths.Select(p => new PathState(p.Locals.RemoveRange(captured))).ToList();
        }

        private static bool IsInsideFunction(IOperation operation, IOperation root)
        {
            for (IOperation? current = operation.Parent; current != null && current != root; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        private void Judge(ILocalSymbol local, List<PathState> paths)
        {
            if (_gaveUp)
            {
                return;
            }

            foreach (PathState path in paths)
            {
                if (path.Locals.TryGetValue(local, out AbstractObject? obj))
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
