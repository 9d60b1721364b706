"""Where a child is on their journey: reads that span several domain apps."""
