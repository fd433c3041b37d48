// The slow-consumer test measures managed memory; tests running beside it would disturb the figure.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
