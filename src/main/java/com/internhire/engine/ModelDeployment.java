package com.internhire.engine;

import io.camunda.client.annotation.Deployment;
import org.springframework.context.annotation.Configuration;

/**
 * Deploys the models the service ships (BPMN, DMN, forms) when the client starts. The
 * engine keeps one version per change and leaves running instances on theirs.
 */
@Configuration
@Deployment(resources = {"classpath*:bpmn/*.bpmn", "classpath*:bpmn/*.dmn", "classpath*:forms/*.form"})
class ModelDeployment {}
