package com.internhire.engine;

/** A model file was deployed while the service runs: its name and content. */
public record ModelRedeployed(String fileName, byte[] content) {}
