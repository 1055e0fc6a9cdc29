import { MantineThemeProvider, Modal, type ModalRootProps } from '@mantine/core'
import { type ReactNode, useId, useMemo } from 'react'

/**
 * Mantine's Modal, with its header as a plain div: the default <header> counts as a second "banner" landmark
 * next to the page's own header. What its fields open in a portal (a select's list, a date picker, a tooltip) is put
 * inside the dialog, not at the end of the page: outside an aria-modal dialog a screen reader does not reach it, and
 * axe counts it as content outside any landmark (region). The target is not positioned, so a list is not clipped by
 * the dialog's scrolling.
 */
export function AppModal({
  title,
  children,
  ...props
}: { title: ReactNode; children: ReactNode } & Omit<ModalRootProps, 'title' | 'children'>) {
  const id = useId()
  const target = `[data-modal-portal="${id}"]`
  const inside = useMemo(() => ({ components: { Portal: { defaultProps: { target } } } }), [target])
  return (
    <Modal.Root {...props}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title>{title}</Modal.Title>
          <Modal.CloseButton aria-label="Fermer" />
        </Modal.Header>
        <MantineThemeProvider theme={inside}>
          <Modal.Body>{children}</Modal.Body>
        </MantineThemeProvider>
        <div data-modal-portal={id} />
      </Modal.Content>
    </Modal.Root>
  )
}
