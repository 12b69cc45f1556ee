import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useFocusTargetRef } from '../lib/page-focus';

/** Props of {@link PageHeader}. */
export interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  /** Shown at the right end of the header row (a count, a primary action). */
  right?: ReactNode;
}

/** DOM id of the page's h1: the skip link and a page change move the focus there. */
export const PAGE_HEADING_ID = 'page-heading';

/**
 * The heading of a page: one h1, an optional line of explanation. The h1 takes the focus
 * after a page change (it is focusable by script only), so a screen reader starts reading
 * the new page at its name and the next Tab continues from there.
 */
export function PageHeader({ title, description, right }: PageHeaderProps) {
  const heading = useFocusTargetRef<HTMLHeadingElement>('heading');
  return (
    <Group justify="space-between" align="flex-end" mb="lg" wrap="wrap" gap="sm">
      <Stack gap={4} style={{ flex: '1 1 20rem', minWidth: 0 }}>
        <Title
          order={1}
          size="h2"
          fw={650}
          ref={heading}
          id={PAGE_HEADING_ID}
          tabIndex={-1}
          style={{ outline: 'none' }}
        >
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        )}
      </Stack>
      {right}
    </Group>
  );
}
