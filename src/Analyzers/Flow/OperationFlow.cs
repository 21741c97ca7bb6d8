using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Emr.Codegen.Runtime.Rules;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Emr.Codegen.Analyzers.Flow
{
    /// <summary>
    /// Follows objects of spec types through a bound body's control-flow graph, keyed by symbols. Each block keeps
    /// the distinct states of the paths that reach it (equal states merge); past <see cref="MaxStatesPerBlock"/>
    /// it keeps only the facts all of them share. An object is judged where it leaves the body's hands (passed to a
    /// method that is not a pure check, returned, thrown, stored, captured by code that changes it) and at the end of
    /// the body; one not created here is known only by the members the body gives it.
    /// </summary>
    internal sealed class OperationFlow
    {
        private const int MaxStatesPerBlock = 16;

        /// <summary>A loop that keeps producing new states is widened after this many rounds.</summary>
        private const int MaxRounds = 64;

        private readonly ControlFlowGraph _graph;
        private readonly SpecTypeCatalog _catalog;
        private readonly Action<Diagnostic> _report;
        private readonly CancellationToken _cancellationToken;
        private readonly INamedTypeSymbol? _containingType;
        private readonly Dictionary<SyntaxNode, int> _siteIds = new Dictionary<SyntaxNode, int>();
        private readonly Dictionary<object, int> _rootIds = new Dictionary<object, int>(FlowState.KeyComparer);
        private readonly Dictionary<IMethodSymbol, CaptureEffects> _localFunctionEffects = new Dictionary<IMethodSymbol, CaptureEffects>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ControlFlowRegion, CaptureEffects> _finallyEffects = new Dictionary<ControlFlowRegion, CaptureEffects>();
        private readonly Dictionary<ControlFlowRegion, FlowState> _tryFacts = new Dictionary<ControlFlowRegion, FlowState>();
        private readonly List<IFlowAnonymousFunctionOperation> _lambdas = new List<IFlowAnonymousFunctionOperation>();
        private readonly Dictionary<IFlowAnonymousFunctionOperation, CaptureEffects> _lambdaEffects = new Dictionary<IFlowAnonymousFunctionOperation, CaptureEffects>();
        private readonly BlockInput[] _inputs;

        /// <summary>What each flow capture holds, when one place defines it: a capture of a property is also where it is set.</summary>
        private readonly Dictionary<CaptureId, IOperation?> _captureDefinitions = new Dictionary<CaptureId, IOperation?>();
        private int _nextId;

        /// <summary>Summaries of the methods a call reaches with source in the compilation; null when calls are not followed.</summary>
        private readonly MethodSummaries? _summaries;

        /// <summary>When this flow summarizes a method for its callers rather than judging a body: what it does to its parameters.</summary>
        private readonly SummaryRecorder? _recorder;

        private readonly Dictionary<IMethodSymbol, MethodSummary> _localFunctionSummaries = new Dictionary<IMethodSymbol, MethodSummary>(SymbolEqualityComparer.Default);

        /// <summary>The variable key of <c>this</c> while a constructor, setter or instance method is summarized.</summary>
        private static readonly object ThisKey = new object();

        /// <summary>Per loop header (a block a later block branches back to), the properties its loop assigns.</summary>
        private readonly Dictionary<int, HashSet<IPropertySymbol>> _loopWrites;

        private OperationFlow(ControlFlowGraph graph, SpecTypeCatalog catalog, INamedTypeSymbol? containingType, Action<Diagnostic> report, CancellationToken cancellationToken, MethodSummaries? summaries, SummaryRecorder? recorder)
        {
            _graph = graph;
            _summaries = summaries;
            _recorder = recorder;
            _catalog = catalog;
            _containingType = containingType;
            _report = report;
            _cancellationToken = cancellationToken;
            foreach (BasicBlock block in graph.Blocks)
            {
                foreach (IOperation operation in block.Operations)
                {
                    foreach (IOperation node in operation.DescendantsAndSelf())
                    {
                        if (node is IFlowCaptureOperation capture)
                        {
                            _captureDefinitions[capture.Id] = _captureDefinitions.ContainsKey(capture.Id) ? null : capture.Value;
                        }
                    }
                }
            }

            _loopWrites = LoopWrites(graph);
            _inputs = new BlockInput[graph.Blocks.Length];
            for (int i = 0; i < _inputs.Length; i++)
            {
                _inputs[i] = new BlockInput();
            }
        }

        private sealed class BlockInput
        {
            public List<FlowState> States { get; } = new List<FlowState>();

            public int Processed { get; set; }

            public bool Widened { get; set; }

            public int Rounds { get; set; }
        }

        /// <summary>Analyzes a bound body: its single values, then the flow of its objects, lambdas and local functions included.</summary>
        public static void Analyze(IOperation root, SemanticModel model, SpecTypeCatalog catalog, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            ControlFlowGraph? graph = root switch
            {
                IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
                IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor, cancellationToken),
                IFieldInitializerOperation field => ControlFlowGraph.Create(field, cancellationToken),
                IPropertyInitializerOperation property => ControlFlowGraph.Create(property, cancellationToken),
                IBlockOperation block when block.Parent is null => ControlFlowGraph.Create(block, cancellationToken),
                _ => null,
            };

            if (graph is null)
            {
                return;
            }

            SingleValues.Check(root, model, catalog, report);
            INamedTypeSymbol? containingType = root.Syntax.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>() is { } type
                ? model.GetDeclaredSymbol(type, cancellationToken) as INamedTypeSymbol
                : null;
            Run(graph, catalog, containingType, report, cancellationToken, MethodSummaries.For(model.Compilation, catalog));
        }

        /// <summary>What a method's body does to the spec objects it is given, for its callers (nothing is reported).</summary>
        internal static MethodSummary Summarize(ControlFlowGraph graph, IMethodSymbol method, SpecTypeCatalog catalog, MethodSummaries summaries, CancellationToken cancellationToken)
        {
            var recorder = new SummaryRecorder(method);
            var flow = new OperationFlow(graph, catalog, method.ContainingType, static _ => { }, cancellationToken, summaries, recorder);
            flow.Solve();
            return recorder.Build();
        }

        private static void Run(ControlFlowGraph graph, SpecTypeCatalog catalog, INamedTypeSymbol? containingType, Action<Diagnostic> report, CancellationToken cancellationToken, MethodSummaries summaries)
        {
            var flow = new OperationFlow(graph, catalog, containingType, report, cancellationToken, summaries, null);
            flow.Solve();

            // Lambdas and local functions are bodies of their own; what they share with this one is unknown to them.
            foreach (IFlowAnonymousFunctionOperation lambda in flow._lambdas)
            {
                Run(graph.GetAnonymousFunctionControlFlowGraph(lambda), catalog, containingType, report, cancellationToken, summaries);
            }

            foreach (IMethodSymbol localFunction in graph.LocalFunctions)
            {
                ControlFlowGraph localGraph = graph.GetLocalFunctionControlFlowGraph(localFunction, cancellationToken);
                Run(localGraph, catalog, containingType, report, cancellationToken, summaries);
            }
        }

        private void Solve()
        {
            AddInput(_graph.Blocks[0], FlowState.Empty);
            bool changed = true;
            while (changed)
            {
                changed = false;
                foreach (BasicBlock block in _graph.Blocks)
                {
                    BlockInput input = _inputs[block.Ordinal];
                    while (input.Processed < input.States.Count)
                    {
                        _cancellationToken.ThrowIfCancellationRequested();
                        FlowState state = input.States[input.Processed++];
                        changed = true;
                        Process(block, state);
                    }
                }
            }
        }

        /// <summary>
        /// The loops of a graph, by header: each branch back to an earlier block closes a loop of the blocks between them,
        /// and every property those blocks assign (=, compound, ??=, ++, --, deconstruction) is one the loop may change.
        /// </summary>
        private static Dictionary<int, HashSet<IPropertySymbol>> LoopWrites(ControlFlowGraph graph)
        {
            var writes = new Dictionary<int, HashSet<IPropertySymbol>>();
            foreach (BasicBlock latch in graph.Blocks)
            {
                foreach (ControlFlowBranch? branch in new[] { latch.FallThroughSuccessor, latch.ConditionalSuccessor })
                {
                    // A loop that cannot run (while (false), foreach over new T[0]) changes nothing.
                    if (branch?.Destination is not { } header || header.Ordinal > latch.Ordinal || !latch.IsReachable || CannotRun(header))
                    {
                        continue;
                    }

                    if (!writes.TryGetValue(header.Ordinal, out HashSet<IPropertySymbol>? properties))
                    {
                        properties = new HashSet<IPropertySymbol>(SymbolEqualityComparer.Default);
                        writes[header.Ordinal] = properties;
                    }

                    for (int ordinal = header.Ordinal; ordinal <= latch.Ordinal; ordinal++)
                    {
                        BasicBlock block = graph.Blocks[ordinal];
                        IEnumerable<IOperation> operations = block.BranchValue is null ? block.Operations : block.Operations.Append(block.BranchValue);
                        foreach (IOperation node in operations.SelectMany(o => o.DescendantsAndSelf()))
                        {
                            IOperation? target = node switch
                            {
                                IAssignmentOperation assignment => assignment.Target,
                                IIncrementOrDecrementOperation step => step.Target,
                                _ => null,
                            };
                            foreach (IPropertyReferenceOperation property in target?.DescendantsAndSelf().OfType<IPropertyReferenceOperation>() ?? Enumerable.Empty<IPropertyReferenceOperation>())
                            {
                                properties.Add(property.Property.OriginalDefinition);
                            }
                        }
                    }
                }
            }

            return writes;
        }

        private static bool CannotRun(BasicBlock header) =>
            header.BranchValue?.Syntax.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.CommonForEachStatementSyntax>() is { } forEach
            && SyntaxValues.IsEmptyArray(forEach.Expression);

        /// <summary>
        /// Entering a loop header, what the loop may assign is unknown: the path of zero rounds and the paths of later
        /// rounds meet there, so no member the loop changes is judged on a round count the code may never take.
        /// </summary>
        private FlowState ForgetLoopWrites(BasicBlock header, FlowState state)
        {
            if (!_loopWrites.TryGetValue(header.Ordinal, out HashSet<IPropertySymbol>? properties) || properties.Count == 0)
            {
                return state;
            }

            foreach (KeyValuePair<int, FlowObject> entry in state.Objects)
            {
                FlowObject obj = entry.Value;
                FlowObject forgotten = obj;
                foreach (SpecMember member in obj.Info.Members)
                {
                    if (properties.Contains(member.Property.OriginalDefinition))
                    {
                        forgotten = forgotten.With(member.Member.Name, FlowValue.Unknown);
                    }
                }

                if (!ReferenceEquals(forgotten, obj))
                {
                    state = state.WithObject(entry.Key, forgotten);
                }
            }

            return state;
        }

        private void AddInput(BasicBlock block, FlowState state, bool widen = false)
        {
            state = ForgetLoopWrites(block, state);
            BlockInput input = _inputs[block.Ordinal];
            if (widen && !input.Widened && input.States.Count > 0)
            {
                Widen(input);
            }

            if (input.Widened)
            {
                FlowState joined = FlowState.Join(input.States[0], state);
                if (!joined.SameAs(input.States[0]))
                {
                    input.States[0] = joined;
                    input.Processed = 0;
                }

                return;
            }

            foreach (FlowState known in input.States)
            {
                if (known.SameAs(state))
                {
                    return;
                }
            }

            input.States.Add(state);
            if (input.States.Count > MaxStatesPerBlock || ++input.Rounds > MaxRounds)
            {
                // Too many paths to keep apart: keep what they all share, and from now on only that.
                Widen(input);
            }
        }

        private static void Widen(BlockInput input)
        {
            FlowState joined = input.States[0];
            for (int i = 1; i < input.States.Count; i++)
            {
                joined = FlowState.Join(joined, input.States[i]);
            }

            input.States.Clear();
            input.States.Add(joined);
            input.Processed = 0;
            input.Widened = true;
        }

        private void Process(BasicBlock block, FlowState state)
        {
            if (block.Kind == BasicBlockKind.Exit)
            {
                if (_recorder != null)
                {
                    _recorder.Exits.Add(state);
                    return;
                }

                foreach (KeyValuePair<int, FlowObject> entry in state.Objects)
                {
                    if (!entry.Value.Escaped && !entry.Value.Attached)
                    {
                        Judge(entry.Key, state);
                    }
                }

                return;
            }

            FlowState entryState = state;
            foreach (IOperation operation in block.Operations)
            {
                Eval(operation, ref state);
            }

            bool? condition = null;
            if (block.BranchValue != null)
            {
                FlowValue value = Eval(block.BranchValue, ref state);
                if (block.ConditionKind == ControlFlowConditionKind.None)
                {
                    // A returned or thrown value leaves the body; a summarized method that returns what it was given gives it back.
                    if (_recorder == null || block.FallThroughSuccessor?.Semantics != ControlFlowBranchSemantics.Return || !_recorder.Return(value, state))
                    {
                        LetGo(value, ref state);
                    }
                }
                else if (value.Known.State == KnownState.Known && value.Known.Value!.Kind == SpecValueKind.Boolean)
                {
                    condition = value.Known.Value.Text == "true";
                }
            }

            RecordForHandlers(block, entryState, state);
            bool conditionalWhen = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
            bool negated = false;
            object? remembered = condition is null && block.ConditionKind != ControlFlowConditionKind.None ? RememberedCondition(block.BranchValue, out negated) : null;
            if (block.ConditionKind != ControlFlowConditionKind.None && block.ConditionalSuccessor is { } conditional
                && (condition is null || condition == conditionalWhen))
            {
                Follow(block, conditional, Remember(state, remembered, conditionalWhen != negated));
            }

            if (block.FallThroughSuccessor is { } fallThrough
                && (block.ConditionKind == ControlFlowConditionKind.None || condition is null || condition != conditionalWhen))
            {
                Follow(block, fallThrough, block.ConditionKind == ControlFlowConditionKind.None ? state : Remember(state, remembered, conditionalWhen == negated));
            }
        }

        /// <summary>
        /// What a branch tests, when the answer holds for the whole body: a <c>bool</c> local or parameter (<c>monthly</c>,
        /// or <c>!monthly</c> with <paramref name="negated"/>), or one compared with a constant (<c>tier == "gold"</c>,
        /// <c>tier is "gold"</c>, each arm of a <c>switch</c> on it). Every later test of it on the same path then takes the
        /// same branch, so <c>PayMode = monthly ? 1 : 0, TimeUnit = monthly ? "m" : "s"</c> is judged on two paths, not
        /// four. Null for any other condition, or a variable a lambda or local function assigns (its value may change
        /// between the tests).
        /// </summary>
        private object? RememberedCondition(IOperation? condition, out bool negated)
        {
            negated = false;
            while (true)
            {
                if (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null } not)
                {
                    negated = !negated;
                    condition = not.Operand;
                }
                else if (condition is IConversionOperation { IsImplicit: true } conversion)
                {
                    condition = conversion.Operand;
                }
                else
                {
                    break;
                }
            }

            switch (condition)
            {
                case IIsPatternOperation isPattern:
                    {
                        IPatternOperation pattern = isPattern.Pattern;
                        while (pattern is INegatedPatternOperation notPattern)
                        {
                            negated = !negated;
                            pattern = notPattern.Pattern;
                        }

                        return pattern is IConstantPatternOperation constant ? TestedAgainst(isPattern.Value, constant.Value) : null;
                    }

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison when IsBuiltIn(comparison):
                    negated ^= comparison.OperatorKind == BinaryOperatorKind.NotEquals;
                    return TestedAgainst(comparison.LeftOperand, comparison.RightOperand) ?? TestedAgainst(comparison.RightOperand, comparison.LeftOperand);
                default:
                    return Variable(condition) is { } symbol && IsBoolean(symbol) ? symbol : null;
            }
        }

        /// <summary>An operator of the language (string equality included), which only looks at its operands.</summary>
        private static bool IsBuiltIn(IBinaryOperation binary) => binary.OperatorMethod is null || binary.OperatorMethod.ContainingType?.SpecialType == SpecialType.System_String;

        /// <summary>A variable compared with a constant that is not null.</summary>
        private PatternFact? TestedAgainst(IOperation variable, IOperation constant) =>
            constant.ConstantValue.HasValue && OperationValues.FromObject(constant.ConstantValue.Value) is SpecValue value && Variable(variable) is { } symbol && _catalog.Get(TypeOf(symbol)) is null
                ? new PatternFact(symbol, value)
                : null;

        private static bool IsBoolean(ISymbol symbol) => TypeOf(symbol)?.SpecialType == SpecialType.System_Boolean;

        private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };

        /// <summary>A get-only auto-property of this object or type: as fixed as a <c>readonly</c> field once constructed.</summary>
        private static bool IsReadOnlyAutoProperty(IPropertyReferenceOperation reference) =>
            reference.Property is { IsReadOnly: true, Parameters.Length: 0 } property
            && (reference.Instance is null ? property.IsStatic : reference.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
            && property.ContainingType.GetMembers().Any(m => m is IFieldSymbol { AssociatedSymbol: { } owner } && SymbolEqualityComparer.Default.Equals(owner, property));

        /// <summary>
        /// The local, by-value parameter or <c>readonly</c> field of this object or type an operation reads (through the
        /// graph's captures), when no nested code assigns it. A <c>readonly</c> field changes only in a constructor, where
        /// its assignment is followed like a local's; a property may compute anything and is never remembered.
        /// </summary>
        private ISymbol? Variable(IOperation? operation)
        {
            for (int depth = 0; depth < 8; depth++)
            {
                while (operation is IConversionOperation { OperatorMethod: null, IsImplicit: true } conversion)
                {
                    operation = conversion.Operand;
                }

                if (operation is IFlowCaptureReferenceOperation capture && _captureDefinitions.TryGetValue(capture.Id, out IOperation? definition) && definition != null)
                {
                    operation = definition;
                    continue;
                }

                ISymbol? symbol = operation switch
                {
                    ILocalReferenceOperation local => local.Local,
                    IParameterReferenceOperation parameter when parameter.Parameter.RefKind == RefKind.None => parameter.Parameter,
                    IFieldReferenceOperation { Field.IsReadOnly: true } field when IsOwnField(field) => field.Field,
                    IPropertyReferenceOperation property when IsReadOnlyAutoProperty(property) => property.Property,
                    _ => null,
                };
                return symbol != null && !AssignedByNestedCode.Contains(symbol) ? symbol : null;
            }

            return null;
        }

        /// <summary>On a branch of a test, what it found: the <c>bool</c>'s value, the variable's value, or that it is not that constant.</summary>
        private static FlowState Remember(FlowState state, object? key, bool value) => key switch
        {
            ISymbol symbol => state.WithVariable(symbol, Bool(value)),
            PatternFact test when value => state.WithVariable(test.Variable, FlowValue.Of(KnownValue.Of(test.Value), null)),
            PatternFact test => state.WithVariable(test, Bool(false)),
            _ => state,
        };

        private static FlowValue Bool(bool value) => FlowValue.Of(KnownValue.Of(SpecValue.FromBoolean(value)), null);

        /// <summary>Locals and parameters a lambda or local function of the body assigns: a test of one is never remembered.</summary>
        private HashSet<ISymbol> AssignedByNestedCode => _assignedByNestedCode ??= FindAssignedByNestedCode();

        private HashSet<ISymbol>? _assignedByNestedCode;

        private HashSet<ISymbol> FindAssignedByNestedCode()
        {
            var assigned = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            IEnumerable<IOperation> nested = _graph.OriginalOperation.Descendants().Where(o => o is IAnonymousFunctionOperation or ILocalFunctionOperation);
            foreach (IOperation node in nested.SelectMany(n => n.Descendants()))
            {
                IOperation? target = node switch
                {
                    IAssignmentOperation assignment => assignment.Target,
                    IIncrementOrDecrementOperation step => step.Target,
                    IArgumentOperation { Parameter.RefKind: not RefKind.None } argument => argument.Value,
                    _ => null,
                };
                switch (target)
                {
                    case ILocalReferenceOperation local:
                        assigned.Add(local.Local);
                        break;
                    case IParameterReferenceOperation parameter:
                        assigned.Add(parameter.Parameter);
                        break;
                }
            }

            return assigned;
        }

        private void Follow(BasicBlock from, ControlFlowBranch branch, FlowState state)
        {
            if (branch.Destination is not { } destination)
            {
                return;
            }

            // Leaving a try with a finally runs the finally: what it may change is unknown afterwards.
            for (ControlFlowRegion? region = from.EnclosingRegion; region != null && region.Kind != ControlFlowRegionKind.Root; region = region.EnclosingRegion)
            {
                if (region.Kind == ControlFlowRegionKind.TryAndFinally && !Contains(region, destination) && region.NestedRegions.Length == 2 && Contains(region.NestedRegions[0], from))
                {
                    state = Apply(FinallyEffects(region.NestedRegions[1]), state, judgeLetGo: true);
                }
            }

            HashSet<CaptureId> live = LiveCaptures(destination);
            state = state.KeepVariables(key => key is not CaptureId capture || live.Contains(capture));

            // A loop's second round is not kept apart from the first: what the loop changes becomes unknown, so a
            // value from a round the loop's condition may never allow is not judged.
            AddInput(destination, state, widen: destination.Ordinal <= from.Ordinal);
        }

        private static bool Contains(ControlFlowRegion region, BasicBlock block) => block.Ordinal >= region.FirstBlockOrdinal && block.Ordinal <= region.LastBlockOrdinal;

        private readonly Dictionary<int, HashSet<CaptureId>> _liveCaptures = new Dictionary<int, HashSet<CaptureId>>();

        private HashSet<CaptureId> LiveCaptures(BasicBlock block)
        {
            if (!_liveCaptures.TryGetValue(block.Ordinal, out HashSet<CaptureId>? live))
            {
                live = new HashSet<CaptureId>();
                for (ControlFlowRegion? region = block.EnclosingRegion; region != null; region = region.EnclosingRegion)
                {
                    live.UnionWith(region.CaptureIds);
                }

                _liveCaptures[block.Ordinal] = live;
            }

            return live;
        }

        /// <summary>A catch or finally may start anywhere in its try: it starts from what every state seen there shares.</summary>
        private void RecordForHandlers(BasicBlock block, FlowState entry, FlowState exit)
        {
            // Up to this graph's root only: the graph of a lambda or local function declared in a try continues, past
            // its root, into the regions of the graph around it, whose blocks are not this graph's.
            for (ControlFlowRegion? region = block.EnclosingRegion; region != null && region.Kind != ControlFlowRegionKind.Root; region = region.EnclosingRegion)
            {
                if (region.Kind != ControlFlowRegionKind.Try || region.EnclosingRegion is not { } owner)
                {
                    continue;
                }

                FlowState facts = FlowState.Join(entry, exit);
                if (_tryFacts.TryGetValue(region, out FlowState? known))
                {
                    facts = FlowState.Join(known, facts);
                    if (facts.SameAs(known))
                    {
                        continue;
                    }
                }

                _tryFacts[region] = facts;
                foreach (ControlFlowRegion handler in owner.NestedRegions)
                {
                    if (handler != region)
                    {
                        AddInput(_graph.Blocks[handler.FirstBlockOrdinal], facts.KeepVariables(key => key is not CaptureId));
                    }
                }
            }
        }

        private CaptureEffects FinallyEffects(ControlFlowRegion finallyRegion)
        {
            if (!_finallyEffects.TryGetValue(finallyRegion, out CaptureEffects? effects))
            {
                IEnumerable<BasicBlock> blocks = _graph.Blocks.Where(b => Contains(finallyRegion, b));
                effects = CaptureEffects.Of(_graph, null, blocks, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default));
                _finallyEffects[finallyRegion] = effects;
            }

            return effects;
        }

        private CaptureEffects LocalFunctionEffects(IMethodSymbol localFunction)
        {
            if (!_localFunctionEffects.TryGetValue(localFunction, out CaptureEffects? effects))
            {
                ControlFlowGraph? graph = CaptureEffects.FindLocalFunctionGraph(_graph, localFunction.OriginalDefinition);
                effects = graph is null
                    ? new CaptureEffects()
                    : CaptureEffects.Of(graph, graph.OriginalOperation.Syntax, graph.Blocks, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { localFunction.OriginalDefinition });
                _localFunctionEffects[localFunction] = effects;
            }

            return effects;
        }

        /// <summary>
        /// Code that may run here changes shared variables: objects it lets go (or that a lambda keeps) are judged and no
        /// longer followed; members it sets become unknown; variables it assigns are forgotten.
        /// </summary>
        private FlowState Apply(CaptureEffects effects, FlowState state, bool judgeLetGo)
        {
            foreach (object root in effects.LetGo)
            {
                if (state.Variable(root) is { IsObject: true } held)
                {
                    if (judgeLetGo)
                    {
                        LetGo(held, ref state);
                    }

                    state = state.WithVariable(root, null);
                }
            }

            foreach (object root in effects.Reassigned)
            {
                state = state.WithVariable(root, null);
            }

            foreach (KeyValuePair<object, IReadOnlyList<IPropertySymbol>> write in effects.MemberWrites)
            {
                if (state.Variable(write.Key) is { IsObject: true } held)
                {
                    state = Forget(held.ObjectId, write.Value, 0, state);
                }
            }

            return state;
        }

        private FlowState Forget(int objectId, IReadOnlyList<IPropertySymbol> path, int index, FlowState state)
        {
            if (state.Object(objectId) is not FlowObject obj || obj.Info.MemberFor(path[index].Name) is not SpecMember member)
            {
                return state;
            }

            FlowValue current = obj.Get(member.Member.Name);
            if (index < path.Count - 1 && current.IsObject)
            {
                return Forget(current.ObjectId, path, index + 1, state);
            }

            FlowValue unknown = index < path.Count - 1 && current.Known.State != KnownState.Absent && current.Known.State != KnownState.Unknown
                ? FlowValue.Of(KnownValue.PresentUnknown, current.Syntax)
                : FlowValue.Of(IsSurelySet(member) ? KnownValue.PresentUnknown : KnownValue.Unknown, null);
            return state.WithObject(objectId, obj.With(member.Member.Name, unknown));
        }

        private static bool IsSurelySet(SpecMember member) =>
            member.Property.Type is { IsValueType: true } type && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T;

        private FlowValue Eval(IOperation? operation, ref FlowState state)
        {
            if (operation is null)
            {
                return FlowValue.Unknown;
            }

            if (operation.ConstantValue.HasValue)
            {
                object? constant = operation.ConstantValue.Value;
                return FlowValue.Of(constant is null ? KnownValue.Absent : OperationValues.FromObject(constant) is SpecValue value ? KnownValue.Of(value) : KnownValue.Unknown, operation.Syntax);
            }

            switch (operation)
            {
                case IExpressionStatementOperation statement:
                    return Eval(statement.Operation, ref state);
                case IFlowCaptureOperation capture:
                    FlowValue captured = Eval(capture.Value, ref state);
                    state = state.WithVariable(capture.Id, captured);
                    return FlowValue.Unknown;
                case IFlowCaptureReferenceOperation captureReference:
                    return state.Variable(captureReference.Id) ?? FlowValue.Unknown;
                case ILocalReferenceOperation local:
                    return VariableValue(local.Local, local.Local.Type, local, ref state);
                case IParameterReferenceOperation parameter:
                    return VariableValue(parameter.Parameter, parameter.Parameter.Type, parameter, ref state);
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } self when _recorder != null && !_recorder.Method.IsStatic:
                    return VariableValue(ThisKey, self.Type, self, ref state);
                case IFieldReferenceOperation field when IsOwnField(field):
                    return VariableValue(field.Field, field.Field.Type, field, ref state);
                case IPropertyReferenceOperation { Instance: null } named when IsNamedValue(named.Property.Type, named.Property.ContainingType):
                    return FlowValue.Deferred(named);
                case IFieldReferenceOperation { Instance: null } namedField when IsNamedValue(namedField.Field.Type, namedField.Field.ContainingType):
                    return FlowValue.Deferred(namedField);
                case IPropertyReferenceOperation property when IsReadOnlyAutoProperty(property) && state.Variable(property.Property) is FlowValue remembered:
                    return remembered;
                case IPropertyReferenceOperation property:
                    {
                        FlowValue instance = Eval(property.Instance, ref state);
                        EvalArguments(property.Arguments, pure: false, ref state);
                        return instance.IsObject && state.Object(instance.ObjectId) is FlowObject obj && MemberOf(obj.Info, property.Property) is SpecMember member
                            ? obj.Get(member.Member.Name)
                            : FlowValue.Unknown;
                    }

                case ISimpleAssignmentOperation assignment:
                    return Assign(assignment.Target, assignment.Value, ref state);
                case ICompoundAssignmentOperation compound:
                    return Compound(compound.Target, compound.Value, compound.OperatorKind, compound.OperatorMethod, compound, ref state);
                case IIncrementOrDecrementOperation increment:
                    return Compound(increment.Target, null, increment.Kind == OperationKind.Increment ? BinaryOperatorKind.Add : BinaryOperatorKind.Subtract, increment.OperatorMethod, increment, ref state);
                case ICoalesceAssignmentOperation coalesce:
                    return CoalesceAssign(coalesce, ref state);
                case IDeconstructionAssignmentOperation deconstruction:
                    Deconstruct(deconstruction.Target, deconstruction.Value, ref state);
                    return FlowValue.Unknown;
                case IInvocationOperation invocation:
                    return Invoke(invocation, ref state);
                case IObjectCreationOperation creation:
                    return Create(creation, ref state);
                case IConversionOperation conversion:
                    {
                        FlowValue operand = Eval(conversion.Operand, ref state);
                        if (conversion.OperatorMethod is null)
                        {
                            return operand;
                        }

                        // The generated enumerations wrap a raw value in a struct: the value stays what it was.
                        if (!operand.IsObject && conversion.OperatorMethod.ContainingType?.TypeKind == TypeKind.Struct)
                        {
                            return operand;
                        }

                        LetGo(operand, ref state);
                        return FlowValue.Unknown;
                    }

                case IIsNullOperation isNull:
                    {
                        FlowValue operand = Eval(isNull.Operand, ref state);
                        bool? isNullValue = operand.IsObject ? false : operand.Known.State switch
                        {
                            KnownState.Absent => true,
                            KnownState.Known or KnownState.PresentUnknown => false,
                            _ => null,
                        };
                        return isNullValue is bool known ? FlowValue.Of(KnownValue.Of(SpecValue.FromBoolean(known)), null) : FlowValue.Unknown;
                    }

                case IIsPatternOperation isPattern:
                    {
                        FlowValue tested = Eval(isPattern.Value, ref state);
                        return Matches(isPattern.Pattern, tested, isPattern.Value, state) is bool matches ? Bool(matches) : FlowValue.Unknown;
                    }

                case IBinaryOperation binary when IsBuiltIn(binary):
                    {
                        FlowValue left = Eval(binary.LeftOperand, ref state);
                        FlowValue right = Eval(binary.RightOperand, ref state);
                        return Compare(binary, left, right, state) is bool compared ? Bool(compared) : FlowValue.Unknown;
                    }

                case IIsTypeOperation or INameOfOperation:
                    // Looking at a request does not let it go.
                    foreach (IOperation child in operation.ChildOperations)
                    {
                        Eval(child, ref state);
                    }

                    return FlowValue.Unknown;
                case IFlowAnonymousFunctionOperation lambda:
                    {
                        if (!_lambdaEffects.TryGetValue(lambda, out CaptureEffects? effects))
                        {
                            ControlFlowGraph lambdaGraph = _graph.GetAnonymousFunctionControlFlowGraph(lambda);
                            effects = CaptureEffects.Of(lambdaGraph, lambda.Syntax, lambdaGraph.Blocks, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default));
                            _lambdaEffects[lambda] = effects;
                            _lambdas.Add(lambda);
                        }

                        return Captured(effects, ref state);
                    }

                case IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } localFunctionReference:
                    return Captured(LocalFunctionEffects(localFunctionReference.Method), ref state);
                default:
                    foreach (IOperation child in operation.ChildOperations)
                    {
                        LetGo(Eval(child, ref state), ref state);
                    }

                    return FlowValue.Unknown;
            }
        }

        /// <summary>A lambda or delegate that changes what it captures: those objects are judged now and no longer followed.</summary>
        private FlowValue Captured(CaptureEffects effects, ref FlowState state)
        {
            foreach (object root in effects.Touched())
            {
                if (state.Variable(root) is { IsObject: true } held)
                {
                    LetGo(held, ref state);
                }

                state = state.WithVariable(root, null);
            }

            return FlowValue.Unknown;
        }

        /// <summary>A static member of a struct that holds one of the struct's values: a named member of a generated enumeration.</summary>
        private static bool IsNamedValue(ITypeSymbol type, INamedTypeSymbol containingType) =>
            type.TypeKind == TypeKind.Struct && SymbolEqualityComparer.Default.Equals(type, containingType);

        /// <summary>Whether a value matches a pattern: on a known value, or by what an earlier test of the same variable found.</summary>
        private bool? Matches(IPatternOperation pattern, FlowValue tested, IOperation testedOperation, FlowState state)
        {
            switch (pattern)
            {
                case IDiscardPatternOperation:
                    return true;
                case INegatedPatternOperation negated:
                    return !Matches(negated.Pattern, tested, testedOperation, state);
                case IBinaryPatternOperation both:
                    {
                        bool? left = Matches(both.LeftPattern, tested, testedOperation, state);
                        bool? right = Matches(both.RightPattern, tested, testedOperation, state);
                        return both.OperatorKind == BinaryOperatorKind.And
                            ? (left == false || right == false ? false : left == true && right == true ? true : null)
                            : (left == true || right == true ? true : left == false && right == false ? false : null);
                    }

                case IConstantPatternOperation constant when constant.Value.ConstantValue.HasValue:
                    if (constant.Value.ConstantValue.Value is null)
                    {
                        return tested.IsObject ? false : tested.Known.State switch
                        {
                            KnownState.Absent => true,
                            KnownState.Known or KnownState.PresentUnknown => false,
                            _ => null,
                        };
                    }

                    return OperationValues.FromObject(constant.Value.ConstantValue.Value) is SpecValue value ? Equal(tested, testedOperation, value, state) : null;
                case IRelationalPatternOperation relational when relational.Value.ConstantValue.HasValue && OperationValues.FromObject(relational.Value.ConstantValue.Value) is SpecValue bound:
                    return Order(tested.Known, KnownValue.Of(bound), relational.OperatorKind);
                default:
                    return null;
            }
        }

        /// <summary>A comparison of two values the path knows, or of a variable with a constant an earlier test already decided.</summary>
        private bool? Compare(IBinaryOperation binary, FlowValue left, FlowValue right, FlowState state)
        {
            switch (binary.OperatorKind)
            {
                case BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals:
                    {
                        bool? equal = right.Known.State == KnownState.Known ? Equal(left, binary.LeftOperand, right.Known.Value!, state)
                            : left.Known.State == KnownState.Known ? Equal(right, binary.RightOperand, left.Known.Value!, state)
                            : null;
                        return binary.OperatorKind == BinaryOperatorKind.Equals ? equal : !equal;
                    }

                case BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual:
                    return Order(left.Known, right.Known, binary.OperatorKind);
                default:
                    return null;
            }
        }

        private bool? Equal(FlowValue tested, IOperation testedOperation, SpecValue value, FlowState state)
        {
            if (!tested.IsObject && tested.Known.State == KnownState.Known)
            {
                // Compared as the rule engine compares values: numbers by value, strings and booleans by text.
                return RuleEngine.ValuesEqual(tested.Known.Value!, value);
            }

            return Variable(testedOperation) is { } symbol && state.Variable(new PatternFact(symbol, value)) is { Known: { State: KnownState.Known } fact }
                ? fact.Value!.Text == "true"
                : null;
        }

        private static bool? Order(KnownValue left, KnownValue right, BinaryOperatorKind kind)
        {
            if (left.State != KnownState.Known || right.State != KnownState.Known || RuleEngine.CompareNumber(left.Value!, right.Value!) is not int order)
            {
                return null;
            }

            return kind switch
            {
                BinaryOperatorKind.LessThan => order < 0,
                BinaryOperatorKind.LessThanOrEqual => order <= 0,
                BinaryOperatorKind.GreaterThan => order > 0,
                BinaryOperatorKind.GreaterThanOrEqual => order >= 0,
                _ => null,
            };
        }

        private bool IsOwnField(IFieldReferenceOperation field) =>
            !field.Field.IsConst && (field.Instance is null ? field.Field.IsStatic : field.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance });

        /// <summary>A variable's value; a spec object it holds that this body did not create is followed from here on, its members unknown.</summary>
        private FlowValue VariableValue(object symbol, ITypeSymbol? type, IOperation reference, ref FlowState state)
        {
            if (state.Variable(symbol) is FlowValue known)
            {
                return known;
            }

            if (_catalog.Get(type) is not SpecObjectInfo info)
            {
                return FlowValue.Unknown;
            }

            if (!_rootIds.TryGetValue(symbol, out int id))
            {
                id = _nextId++;
                _rootIds[symbol] = id;
                _recorder?.Register(symbol == ThisKey ? MethodSummary.ThisParameter : symbol is IParameterSymbol { RefKind: RefKind.None } parameter
                    && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol.OriginalDefinition, _recorder.Method) ? parameter.Ordinal : null, id);
            }

            Allocate(id, new FlowObject(info, reference.Syntax, SmallMap<FlowValue>.Empty, fromElsewhere: true, escaped: false, attached: false), ref state);
            FlowValue value = FlowValue.Reference(id, reference.Syntax);
            state = state.WithVariable(symbol, value);
            return value;
        }

        /// <summary>Puts a new object at an allocation site; the one a loop made there before is judged if nothing holds it any more.</summary>
        private void Allocate(int id, FlowObject obj, ref FlowState state)
        {
            if (state.Object(id) is FlowObject previous)
            {
                bool held = false;
                foreach (KeyValuePair<object, FlowValue> variable in state.Variables.ToList())
                {
                    if (variable.Value.ObjectId == id)
                    {
                        held = true;
                        state = state.WithVariable(variable.Key, null);
                    }
                }

                foreach (KeyValuePair<int, FlowObject> owner in state.Objects.ToList())
                {
                    foreach (KeyValuePair<string, FlowValue> member in owner.Value.Members.Entries)
                    {
                        if (member.Value.ObjectId == id)
                        {
                            held = true;
                            state = state.WithObject(owner.Key, state.Object(owner.Key)!.With(member.Key, FlowValue.Of(KnownValue.PresentUnknown, member.Value.Syntax)));
                        }
                    }
                }

                if (_recorder != null && _recorder.Parameters.ContainsKey(id))
                {
                    _recorder.Lost.Add(id);
                }
                else if (!held && !previous.Escaped && !previous.Attached)
                {
                    Judge(id, state);
                }
            }

            state = state.WithObject(id, obj);
        }

        private FlowValue Create(IObjectCreationOperation creation, ref FlowState state)
        {
            // A constructor with source (in a partial of the generated type) is followed like any summarized method.
            MethodSummary? summary = creation.Constructor is { } constructor ? SummaryOf(constructor) : null;
            List<(int Parameter, FlowValue Value)>? given = summary is null ? null : new List<(int, FlowValue)>();
            foreach (IArgumentOperation argument in creation.Arguments)
            {
                Give(argument, Eval(argument.Value, ref state), given, ref state);
            }

            if (_catalog.Get(creation.Type) is not SpecObjectInfo info)
            {
                if (given != null)
                {
                    ApplySummary(summary!, given, creation.Syntax, ref state);
                }

                if (creation.Initializer != null)
                {
                    Eval(creation.Initializer, ref state);
                    return FlowValue.Unknown;
                }

                // new TimeUnit("s"): read against the member it is given to.
                return creation.Type?.TypeKind == TypeKind.Struct && creation.Arguments.Length == 1 && creation.Arguments[0].Value.ConstantValue.HasValue
                    ? FlowValue.Deferred(creation)
                    : FlowValue.Unknown;
            }

            if (!_siteIds.TryGetValue(creation.Syntax, out int id))
            {
                id = _nextId++;
                _siteIds[creation.Syntax] = id;
            }

            Allocate(id, new FlowObject(info, creation.Syntax, SmallMap<FlowValue>.Empty, fromElsewhere: false, escaped: false, attached: false), ref state);
            FlowValue created = FlowValue.Reference(id, creation.Syntax);
            if (given != null)
            {
                given.Add((MethodSummary.ThisParameter, created));
                ApplySummary(summary!, given, creation.Syntax, ref state);
            }

            return created;
        }

        private void EvalArguments(IEnumerable<IArgumentOperation> arguments, bool pure, ref FlowState state)
        {
            foreach (IArgumentOperation argument in arguments)
            {
                FlowValue value = Eval(argument.Value, ref state);
                if (!pure)
                {
                    LetGo(value, ref state);
                }
            }
        }

        private FlowValue Invoke(IInvocationOperation invocation, ref FlowState state)
        {
            IMethodSymbol method = invocation.TargetMethod;
            bool pure = CaptureEffects.IsPureCheck(method);
            MethodSummary? summary = pure ? null : SummaryOf(method);
            FlowValue instance = Eval(invocation.Instance, ref state);
            List<(int Parameter, FlowValue Value)>? given = summary is null ? null : new List<(int, FlowValue)>();
            if (given != null)
            {
                given.Add((MethodSummary.ThisParameter, instance));
            }
            else if (!pure && !CaptureEffects.IsObjectMember(method) && !IsChainedConstructor(invocation))
            {
                LetGo(instance, ref state);
            }

            var refTargets = new List<IOperation>();
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out)
                {
                    refTargets.Add(argument.Value);
                }

                FlowValue value = Eval(argument.Value, ref state);
                if (!pure)
                {
                    Give(argument, value, given, ref state);
                }
            }

            foreach (IOperation target in refTargets)
            {
                // Given by reference: the variable may hold anything afterwards.
                object? key = target switch
                {
                    ILocalReferenceOperation local => local.Local,
                    IParameterReferenceOperation parameter => parameter.Parameter,
                    IFieldReferenceOperation field => field.Field,
                    _ => null,
                };

                if (key != null)
                {
                    state = state.WithVariable(key, null);
                }
            }

            if (method.MethodKind == MethodKind.LocalFunction)
            {
                state = Apply(LocalFunctionEffects(method), state, judgeLetGo: true);
            }
            else if (!pure && _containingType != null && IsOwnMethod(method))
            {
                // A method of the same type sees its fields: the requests they hold may be read or changed there.
                foreach (KeyValuePair<object, FlowValue> variable in state.Variables.ToList())
                {
                    if (variable.Key is IFieldSymbol && variable.Value.IsObject)
                    {
                        LetGo(variable.Value, ref state);
                        state = state.WithVariable(variable.Key, null);
                    }
                }
            }

            return given != null ? ApplySummary(summary!, given, invocation.Syntax, ref state) : FlowValue.Unknown;
        }

        /// <summary>
        /// An argument of a call: to a method without a summary it leaves the body's hands; to one with a summary it is
        /// given to the parameter the summary knows (by value, of a spec type), anything else still leaves.
        /// </summary>
        private void Give(IArgumentOperation argument, FlowValue value, List<(int Parameter, FlowValue Value)>? given, ref FlowState state)
        {
            if (given != null && argument.Parameter is { RefKind: RefKind.None } parameter && _catalog.Get(parameter.Type) != null)
            {
                given.Add((parameter.Ordinal, value));
            }
            else
            {
                LetGo(value, ref state);
            }
        }

        /// <summary><c>: this(...)</c> or <c>: base(...)</c>: a constructor without source (the generated one) sets no member.</summary>
        private static bool IsChainedConstructor(IInvocationOperation invocation) =>
            invocation.TargetMethod.MethodKind == MethodKind.Constructor && invocation.Instance is IInstanceReferenceOperation;

        /// <summary>The summary of a method a call reaches, or null when it has no source to follow (or calls are not followed).</summary>
        private MethodSummary? SummaryOf(IMethodSymbol method)
        {
            if (_summaries is null)
            {
                return null;
            }

            if (method.MethodKind != MethodKind.LocalFunction)
            {
                return _summaries.Get(method, _cancellationToken);
            }

            IMethodSymbol localFunction = method.OriginalDefinition;
            if (!_localFunctionSummaries.TryGetValue(localFunction, out MethodSummary? summary))
            {
                summary = _summaries.Summarize(localFunction, () => CaptureEffects.FindLocalFunctionGraph(_graph, localFunction), _cancellationToken, cache: false);
                _localFunctionSummaries[localFunction] = summary;
            }

            return summary;
        }

        /// <summary>
        /// A call to a summarized method: each object it is given is judged where the method lets it go, on what it held
        /// there, and afterwards holds what the method set (unknown where its paths differ); a call the summary cannot
        /// follow (a cycle, too deep) leaves what it was given unknown. Values the method set are shown at the call.
        /// </summary>
        private FlowValue ApplySummary(MethodSummary summary, List<(int Parameter, FlowValue Value)> given, SyntaxNode call, ref FlowState state)
        {
            FlowValue result = FlowValue.Unknown;
            foreach ((int parameter, FlowValue value) in given)
            {
                if (!value.IsObject || state.Object(value.ObjectId) is not FlowObject obj)
                {
                    continue;
                }

                if (summary.ReturnsParameter == parameter)
                {
                    result = value;
                }

                ObjectEffect? effect = null;
                if (summary.Effects != null && !summary.Effects.TryGetValue(parameter, out effect))
                {
                    continue;
                }

                if (effect is null || effect.Lost)
                {
                    state = state.WithObject(value.ObjectId, new FlowObject(obj.Info, obj.Syntax, SmallMap<FlowValue>.Empty, fromElsewhere: true, obj.Escaped, obj.Attached));
                    continue;
                }

                foreach (SmallMap<FlowValue> letGo in effect.LetGo)
                {
                    Judge(value.ObjectId, state.WithObject(value.ObjectId, Overlay(obj, letGo, call)));
                }

                FlowObject after = Overlay(obj, effect.Writes, call);
                state = state.WithObject(value.ObjectId, effect.AlwaysLetsGo ? after.WithEscaped(true) : after);
            }

            return result;
        }

        private static FlowObject Overlay(FlowObject obj, SmallMap<FlowValue> writes, SyntaxNode call)
        {
            foreach (KeyValuePair<string, FlowValue> write in writes.Entries)
            {
                obj = obj.With(write.Key, FlowValue.Of(write.Value.Known, write.Value.Known.State == KnownState.Unknown ? null : call));
            }

            return obj;
        }

        private bool IsOwnMethod(IMethodSymbol method)
        {
            for (INamedTypeSymbol? type = _containingType; type != null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type, method.ContainingType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The place an assignment writes: the graph captures the property of <c>r.M ??= v</c> before it sets it.</summary>
        private IOperation Location(IOperation target)
        {
            for (int depth = 0; depth < 8 && target is IFlowCaptureReferenceOperation capture && _captureDefinitions.TryGetValue(capture.Id, out IOperation? definition)
                && definition is IPropertyReferenceOperation or ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IFlowCaptureReferenceOperation; depth++)
            {
                target = definition!;
            }

            return target;
        }

        private FlowValue Assign(IOperation target, IOperation value, ref FlowState state)
        {
            target = Location(target);
            switch (target)
            {
                case ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation when Key(target) is object key:
                    {
                        FlowValue assigned = Eval(value, ref state);
                        if (key is IFieldSymbol)
                        {
                            // Stored where other code can reach it.
                            LetGo(assigned, ref state);
                        }

                        state = state.WithVariable(key, assigned.IsObject ? assigned : null);
                        return assigned;
                    }

                case IPropertyReferenceOperation property:
                    {
                        if (IsReadOnlyAutoProperty(property))
                        {
                            // Set in a constructor: what tests of it found no longer holds.
                            state = state.WithVariable(property.Property, null);
                        }

                        FlowValue instance = TargetInstance(property.Instance, ref state);
                        EvalArguments(property.Arguments, pure: false, ref state);
                        FlowValue assigned = Eval(value, ref state);
                        if (instance.IsObject && state.Object(instance.ObjectId) is FlowObject obj && MemberOf(obj.Info, property.Property) is SpecMember member)
                        {
                            Store(instance.ObjectId, member, value, assigned, ref state);
                        }
                        else if (instance.IsObject && property.Property.SetMethod is { } setter && SummaryOf(setter) is { } summary)
                        {
                            // A property of a partial of the generated type whose setter sets spec members.
                            var given = new List<(int, FlowValue)> { (MethodSummary.ThisParameter, instance) };
                            if (_catalog.Get(property.Property.Type) != null)
                            {
                                given.Add((0, assigned));
                            }
                            else
                            {
                                LetGo(assigned, ref state);
                            }

                            ApplySummary(summary, given, property.Syntax.Parent ?? property.Syntax, ref state);
                        }
                        else
                        {
                            LetGo(assigned, ref state);
                        }

                        return assigned;
                    }

                default:
                    {
                        foreach (IOperation child in target.ChildOperations)
                        {
                            LetGo(Eval(child, ref state), ref state);
                        }

                        FlowValue assigned = Eval(value, ref state);
                        LetGo(assigned, ref state);
                        return assigned;
                    }
            }
        }

        private object? Key(IOperation reference) => reference switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field when IsOwnField(field) => field.Field,
            _ => null,
        };

        /// <summary>The object whose member is set; a nested object the body did not create is followed from here, its members unknown.</summary>
        private FlowValue TargetInstance(IOperation? instance, ref FlowState state)
        {
            if (instance is IPropertyReferenceOperation nested)
            {
                FlowValue owner = TargetInstance(nested.Instance, ref state);
                if (owner.IsObject && state.Object(owner.ObjectId) is FlowObject obj && MemberOf(obj.Info, nested.Property) is SpecMember member
                    && member.Member.Kind == ValueKind.Object && !member.Member.IsList && _catalog.Get(SpecTypeCatalog.UnwrapNullable(member.Property.Type)) is SpecObjectInfo nestedInfo)
                {
                    FlowValue slot = obj.Get(member.Member.Name);
                    if (slot.IsObject)
                    {
                        return slot;
                    }

                    if (!_siteIds.TryGetValue(nested.Syntax, out int id))
                    {
                        id = _nextId++;
                        _siteIds[nested.Syntax] = id;
                    }

                    Allocate(id, new FlowObject(nestedInfo, slot.Syntax ?? nested.Syntax, SmallMap<FlowValue>.Empty, fromElsewhere: true, escaped: false, attached: true), ref state);
                    FlowValue reference = FlowValue.Reference(id, slot.Syntax ?? nested.Syntax);
                    state = state.WithObject(owner.ObjectId, state.Object(owner.ObjectId)!.With(member.Member.Name, reference));
                    return reference;
                }

                return FlowValue.Unknown;
            }

            return Eval(instance, ref state);
        }

        /// <summary>A member is given a value: a constant, a followed object (now held by its owner), or something unknown.</summary>
        private void Store(int ownerId, SpecMember member, IOperation valueOperation, FlowValue value, ref FlowState state)
        {
            FlowObject owner = state.Object(ownerId)!;
            FlowValue stored;
            if (value.IsObject && member.Member.Kind == ValueKind.Object && !member.Member.IsList && state.Object(value.ObjectId) is FlowObject held)
            {
                state = state.WithObject(value.ObjectId, held.WithAttached(true));
                stored = FlowValue.Reference(value.ObjectId, valueOperation.Syntax);
            }
            else
            {
                LetGo(value, ref state);
                stored = FlowValue.Of(ReadValue(member, owner.Info, valueOperation, value, state), ValueSyntax(valueOperation, value));
                CheckStored(member, owner.Info, stored);
            }

            state = state.WithObject(ownerId, state.Object(ownerId)!.With(member.Member.Name, stored));
        }

        /// <summary>
        /// A value a path gives a member is checked against its enumeration and constraints where it was produced (the arm
        /// of a choice, a compound assignment), as a constant written directly is: one notion of a known value for every check.
        /// </summary>
        private void CheckStored(SpecMember member, SpecObjectInfo owner, FlowValue stored)
        {
            if (_recorder == null && stored.Known.State == KnownState.Known && stored.Syntax != null && !member.Member.IsList && member.Member.Kind != ValueKind.Object
                && (member.Member.Enum != null || member.Member.Constraints != null))
            {
                Checks.CheckScalar(member, owner, stored.Known.Value!, stored.Syntax, _report);
            }
        }

        /// <summary>Where a value was written: the literal a flow capture holds, or the value itself.</summary>
        private static SyntaxNode ValueSyntax(IOperation valueOperation, FlowValue value)
        {
            IOperation unwrapped = valueOperation;
            while (unwrapped is IConversionOperation conversion)
            {
                unwrapped = conversion.Operand;
            }

            return unwrapped is IFlowCaptureReferenceOperation && value.Syntax != null ? value.Syntax : valueOperation.Syntax;
        }

        private static KnownValue ReadValue(SpecMember member, SpecObjectInfo owner, IOperation valueOperation, FlowValue value, FlowState state)
        {
            if (member.Member.Kind == ValueKind.Object || member.Member.IsList)
            {
                if (value.Known.State == KnownState.Absent)
                {
                    return KnownValue.Absent;
                }

                IOperation unwrapped = valueOperation;
                while (unwrapped is IConversionOperation conversion)
                {
                    unwrapped = conversion.Operand;
                }

                if (value.IsObject || unwrapped is IObjectCreationOperation || (member.Member.IsList && unwrapped.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax expression && SyntaxValues.ListItems(expression) != null))
                {
                    return KnownValue.PresentUnknown;
                }

                return IsSurelySet(member) ? KnownValue.PresentUnknown : KnownValue.Unknown;
            }

            KnownValue known = OperationValues.Read(valueOperation, member, owner, operation => operation switch
            {
                IFlowCaptureReferenceOperation capture => state.Variable(capture.Id),
                _ when operation == valueOperation => value,
                _ => null,
            });
            if (known.State == KnownState.Unknown && value.Known.State != KnownState.Unknown && !value.IsObject)
            {
                known = value.Known;
            }

            return known.State == KnownState.Unknown && IsSurelySet(member) ? KnownValue.PresentUnknown : known;
        }

        private FlowValue Compound(IOperation target, IOperation? value, BinaryOperatorKind kind, IMethodSymbol? operatorMethod, IOperation whole, ref FlowState state)
        {
            target = Location(target);
            if (target is not IPropertyReferenceOperation property)
            {
                foreach (IOperation child in target.ChildOperations)
                {
                    Eval(child, ref state);
                }

                if (Key(target) is object key)
                {
                    state = state.WithVariable(key, null);
                }

                LetGo(Eval(value, ref state), ref state);
                return FlowValue.Unknown;
            }

            FlowValue instance = TargetInstance(property.Instance, ref state);
            FlowValue operand = value is null ? FlowValue.Of(KnownValue.Of(SpecValue.FromNumber(1)), null) : Eval(value, ref state);
            if (!instance.IsObject || state.Object(instance.ObjectId) is not FlowObject obj || MemberOf(obj.Info, property.Property) is not SpecMember member)
            {
                return FlowValue.Unknown;
            }

            KnownValue current = obj.Get(member.Member.Name).Known;
            KnownValue right = value is null ? operand.Known : ReadValue(member, obj.Info, value, operand, state);
            KnownValue result = operatorMethod is null ? Combine(current, right, kind) : KnownValue.Unknown;
            if (result.State == KnownState.Known && !FitsIn(property.Property.Type, result.Value!))
            {
                // Beyond the property's type the result wraps around (or throws, when checked): not the exact sum.
                result = KnownValue.Unknown;
            }

            if (result.State == KnownState.Unknown && IsSurelySet(member))
            {
                result = KnownValue.PresentUnknown;
            }

            FlowValue stored = FlowValue.Of(result, whole.Syntax);
            CheckStored(member, obj.Info, stored);
            state = state.WithObject(instance.ObjectId, obj.With(member.Member.Name, stored));
            return stored;
        }

        /// <summary>Whether a number is within the range of an integer type (a number of another type, or a string, always is).</summary>
        private static bool FitsIn(ITypeSymbol type, SpecValue value)
        {
            if (value.Kind != SpecValueKind.Number)
            {
                return true;
            }

            decimal number = value.ToNumber();
            return SpecTypeCatalog.UnwrapNullable(type).SpecialType switch
            {
                SpecialType.System_Byte => number >= byte.MinValue && number <= byte.MaxValue,
                SpecialType.System_SByte => number >= sbyte.MinValue && number <= sbyte.MaxValue,
                SpecialType.System_Int16 => number >= short.MinValue && number <= short.MaxValue,
                SpecialType.System_UInt16 => number >= ushort.MinValue && number <= ushort.MaxValue,
                SpecialType.System_Int32 => number >= int.MinValue && number <= int.MaxValue,
                SpecialType.System_UInt32 => number >= uint.MinValue && number <= uint.MaxValue,
                SpecialType.System_Int64 => number >= long.MinValue && number <= long.MaxValue,
                SpecialType.System_UInt64 => number >= ulong.MinValue && number <= ulong.MaxValue,
                _ => true,
            };
        }

        private static KnownValue Combine(KnownValue left, KnownValue right, BinaryOperatorKind kind)
        {
            if (left.State != KnownState.Known || right.State != KnownState.Known)
            {
                return KnownValue.Unknown;
            }

            SpecValue a = left.Value!;
            SpecValue b = right.Value!;
            if (a.Kind == SpecValueKind.Number && b.Kind == SpecValueKind.Number && a.IsInteger && b.IsInteger)
            {
                try
                {
                    decimal x = a.ToNumber();
                    decimal y = b.ToNumber();
                    return kind switch
                    {
                        BinaryOperatorKind.Add => KnownValue.Of(SpecValue.FromNumber(x + y)),
                        BinaryOperatorKind.Subtract => KnownValue.Of(SpecValue.FromNumber(x - y)),
                        BinaryOperatorKind.Multiply => KnownValue.Of(SpecValue.FromNumber(x * y)),
                        _ => KnownValue.Unknown,
                    };
                }
                catch (OverflowException)
                {
                    return KnownValue.Unknown;
                }
            }

            return a.Kind == SpecValueKind.String && b.Kind == SpecValueKind.String && kind == BinaryOperatorKind.Add ? KnownValue.Of(SpecValue.FromString(a.Text + b.Text)) : KnownValue.Unknown;
        }

        private FlowValue CoalesceAssign(ICoalesceAssignmentOperation coalesce, ref FlowState state)
        {
            if (coalesce.Target is not IPropertyReferenceOperation property)
            {
                return Assign(coalesce.Target, coalesce.Value, ref state);
            }

            FlowValue instance = TargetInstance(property.Instance, ref state);
            if (!instance.IsObject || state.Object(instance.ObjectId) is not FlowObject obj || MemberOf(obj.Info, property.Property) is not SpecMember member)
            {
                LetGo(Eval(coalesce.Value, ref state), ref state);
                return FlowValue.Unknown;
            }

            FlowValue current = obj.Get(member.Member.Name);
            if (current.IsObject || current.Known.State is KnownState.Known or KnownState.PresentUnknown)
            {
                return current;
            }

            FlowValue assigned = Eval(coalesce.Value, ref state);
            if (current.Known.State == KnownState.Absent)
            {
                Store(instance.ObjectId, member, coalesce.Value, assigned, ref state);
                return assigned;
            }

            // Not known whether it was set: set or kept, nothing is known of it.
            LetGo(assigned, ref state);
            FlowObject updated = state.Object(instance.ObjectId)!;
            state = state.WithObject(instance.ObjectId, updated.With(member.Member.Name, FlowValue.Unknown));
            return FlowValue.Unknown;
        }

        /// <summary><c>(a.X, b.Y) = (1, "m")</c>: each element as an assignment; anything else makes the targets unknown.</summary>
        private void Deconstruct(IOperation target, IOperation value, ref FlowState state)
        {
            IOperation source = value;
            while (source is IConversionOperation { OperatorMethod: null } conversion)
            {
                source = conversion.Operand;
            }

            if (target is ITupleOperation targets && source is ITupleOperation values && targets.Elements.Length == values.Elements.Length)
            {
                var instances = new FlowValue[targets.Elements.Length];
                for (int i = 0; i < instances.Length; i++)
                {
                    instances[i] = targets.Elements[i] is IPropertyReferenceOperation property ? TargetInstance(property.Instance, ref state) : FlowValue.Unknown;
                }

                var assigned = new FlowValue[values.Elements.Length];
                for (int i = 0; i < assigned.Length; i++)
                {
                    if (targets.Elements[i] is ITupleOperation)
                    {
                        continue;
                    }

                    assigned[i] = Eval(values.Elements[i], ref state);
                }

                for (int i = 0; i < assigned.Length; i++)
                {
                    IOperation element = targets.Elements[i];
                    if (element is ITupleOperation)
                    {
                        Deconstruct(element, values.Elements[i], ref state);
                    }
                    else if (element is IPropertyReferenceOperation property && instances[i].IsObject && state.Object(instances[i].ObjectId) is FlowObject obj && MemberOf(obj.Info, property.Property) is SpecMember member)
                    {
                        Store(instances[i].ObjectId, member, values.Elements[i], assigned[i], ref state);
                    }
                    else if (Key(element) is object key)
                    {
                        state = state.WithVariable(key, assigned[i].IsObject ? assigned[i] : null);
                    }
                    else
                    {
                        LetGo(assigned[i], ref state);
                    }
                }

                return;
            }

            LetGo(Eval(value, ref state), ref state);
            ForgetTargets(target, ref state);
        }

        private void ForgetTargets(IOperation target, ref FlowState state)
        {
            if (target is ITupleOperation tuple)
            {
                foreach (IOperation element in tuple.Elements)
                {
                    ForgetTargets(element, ref state);
                }
            }
            else if (target is IPropertyReferenceOperation property)
            {
                FlowValue instance = TargetInstance(property.Instance, ref state);
                if (instance.IsObject)
                {
                    state = Forget(instance.ObjectId, new[] { property.Property }, 0, state);
                }
            }
            else if (Key(target) is object key)
            {
                state = state.WithVariable(key, null);
            }
        }

        private static SpecMember? MemberOf(SpecObjectInfo info, IPropertySymbol property) =>
            info.MemberFor(property.Name) is SpecMember member && SymbolEqualityComparer.Default.Equals(member.Property.OriginalDefinition, property.OriginalDefinition) ? member : null;

        /// <summary>A value leaves the body's hands: an object it refers to is judged on what this path gave it.</summary>
        private void LetGo(FlowValue value, ref FlowState state)
        {
            if (!value.IsObject || state.Object(value.ObjectId) is not FlowObject obj)
            {
                return;
            }

            Judge(value.ObjectId, state);
            state = state.WithObject(value.ObjectId, obj.WithEscaped(true));
        }

        private void Judge(int objectId, FlowState state)
        {
            if (_recorder != null)
            {
                // Summarizing: where a parameter is let go, its caller judges it on what it holds there.
                if (state.Object(objectId) is FlowObject given && _recorder.Parameters.ContainsKey(objectId))
                {
                    _recorder.LetGo(objectId, SummaryRecorder.Snapshot(given));
                }

                return;
            }

            if (Materialize(objectId, state, 0) is AbstractObject obj)
            {
                Checks.CheckRules(obj, _report);
            }
        }

        private static AbstractObject? Materialize(int objectId, FlowState state, int depth)
        {
            if (state.Object(objectId) is not FlowObject obj)
            {
                return null;
            }

            var members = new List<KeyValuePair<string, AbstractValue>>(obj.Members.Count);
            foreach (KeyValuePair<string, FlowValue> member in obj.Members.Entries)
            {
                AbstractObject? nested = member.Value.IsObject && depth < 8 ? Materialize(member.Value.ObjectId, state, depth + 1) : null;
                KnownValue known = member.Value.IsObject && nested is null ? KnownValue.PresentUnknown : member.Value.Known;
                members.Add(new KeyValuePair<string, AbstractValue>(member.Key, new AbstractValue(known, member.Value.Syntax, nested)));
            }

            if (obj.FromElsewhere)
            {
                // Members this body never set are unknown, not absent.
                foreach (MemberModel member in obj.Info.Model.Members)
                {
                    if (obj.Members.Get(member.Name) is null)
                    {
                        members.Add(new KeyValuePair<string, AbstractValue>(member.Name, new AbstractValue(KnownValue.Unknown, null)));
                    }
                }
            }

            return new AbstractObject(obj.Info, obj.Syntax, SmallMap<AbstractValue>.From(members));
        }
    }

    /// <summary>What a summarized method's flow finds out about its parameters, turned into a <see cref="MethodSummary"/> when it is done.</summary>
    internal sealed class SummaryRecorder
    {
        private readonly Dictionary<int, List<SmallMap<FlowValue>>> _letGo = new Dictionary<int, List<SmallMap<FlowValue>>>();
        private readonly Dictionary<int, List<SmallMap<FlowValue>>> _returned = new Dictionary<int, List<SmallMap<FlowValue>>>();
        private bool _returnsOther;

        public SummaryRecorder(IMethodSymbol method)
        {
            Method = method;
        }

        public IMethodSymbol Method { get; }

        /// <summary>Tracked objects that are the method's parameters (or <c>this</c>), by object id.</summary>
        public Dictionary<int, int> Parameters { get; } = new Dictionary<int, int>();

        public HashSet<int> Lost { get; } = new HashSet<int>();

        public List<FlowState> Exits { get; } = new List<FlowState>();

        public void Register(int? parameter, int objectId)
        {
            if (parameter is int ordinal)
            {
                Parameters[objectId] = ordinal;
            }
        }

        public void LetGo(int objectId, SmallMap<FlowValue> members) => Add(_letGo, objectId, members);

        /// <summary>A return: true when it gives back a parameter (the caller decides what that means once every return is known).</summary>
        public bool Return(FlowValue value, FlowState state)
        {
            if (value.IsObject && Parameters.ContainsKey(value.ObjectId) && state.Object(value.ObjectId) is FlowObject obj)
            {
                Add(_returned, value.ObjectId, Snapshot(obj));
                return true;
            }

            _returnsOther = true;
            return false;
        }

        /// <summary>The members a method set on an object: their values (a nested object counts as set, its content unknown).</summary>
        public static SmallMap<FlowValue> Snapshot(FlowObject obj)
        {
            var members = new List<KeyValuePair<string, FlowValue>>(obj.Members.Count);
            foreach (KeyValuePair<string, FlowValue> member in obj.Members.Entries)
            {
                members.Add(new KeyValuePair<string, FlowValue>(member.Key, member.Value.IsObject ? FlowValue.Of(KnownValue.PresentUnknown, null) : FlowValue.Of(member.Value.Known, null)));
            }

            return SmallMap<FlowValue>.From(members);
        }

        public MethodSummary Build()
        {
            int? returns = !_returnsOther && _returned.Count == 1 ? Parameters[_returned.Keys.First()] : null;
            var effects = new Dictionary<int, ObjectEffect>();
            foreach (KeyValuePair<int, int> parameter in Parameters)
            {
                int id = parameter.Key;
                var letGo = new List<SmallMap<FlowValue>>(_letGo.TryGetValue(id, out List<SmallMap<FlowValue>>? judged) ? judged : Enumerable.Empty<SmallMap<FlowValue>>());
                if (_returned.TryGetValue(id, out List<SmallMap<FlowValue>>? returned) && returns != parameter.Value)
                {
                    // Returned on some paths only, or with other values: the caller cannot follow it, so it is judged there.
                    letGo.AddRange(returned);
                }

                bool lost = Lost.Contains(id);
                SmallMap<FlowValue>? writes = null;
                foreach (FlowState exit in Exits)
                {
                    FlowObject? obj = exit.Object(id);
                    if (obj is { Escaped: true })
                    {
                        continue;
                    }

                    if (obj is { Attached: true })
                    {
                        lost = true;
                        continue;
                    }

                    SmallMap<FlowValue> members = obj is null ? SmallMap<FlowValue>.Empty : Snapshot(obj);
                    writes = writes is null ? members : Join(writes, members);
                }

                bool alwaysLetsGo = writes is null && letGo.Count > 0;
                if (alwaysLetsGo)
                {
                    // Judged where it was let go; later uses see what the method had set there.
                    foreach (SmallMap<FlowValue> atLetGo in letGo)
                    {
                        writes = writes is null ? atLetGo : Join(writes, atLetGo);
                    }
                }

                effects[parameter.Value] = new ObjectEffect(writes ?? SmallMap<FlowValue>.Empty, letGo, alwaysLetsGo, lost);
            }

            return new MethodSummary(effects, returns);
        }

        /// <summary>The members two returning paths set: a member one of them leaves as it was is unknown after the call.</summary>
        private static SmallMap<FlowValue> Join(SmallMap<FlowValue> left, SmallMap<FlowValue> right) =>
            FlowObject.JoinMembers(left, _ => FlowValue.Unknown, right, _ => FlowValue.Unknown);

        private static void Add(Dictionary<int, List<SmallMap<FlowValue>>> lists, int objectId, SmallMap<FlowValue> members)
        {
            if (!lists.TryGetValue(objectId, out List<SmallMap<FlowValue>>? list))
            {
                list = new List<SmallMap<FlowValue>>();
                lists[objectId] = list;
            }

            list.Add(members);
        }
    }
}
